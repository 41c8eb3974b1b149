using Analytics.Core.Dashboards;
using Analytics.Core.Errors;
using Analytics.Core.Metrics;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Analytics.Web.Components.Dashboards;

namespace Analytics.Web.Components.Pages.Explore;

/// <summary>Ad-hoc questions to the metric store, and "add to dashboard" to keep one as a widget.</summary>
public partial class Explore
{
    /// <summary>Links (e.g. from an anomaly) open a question: <c>/explore?metric=order_value&amp;agg=sum&amp;groupBy=day&amp;period=90d</c>.</summary>
    [SupplyParameterFromQuery(Name = "metric")] public string? MetricParameter { get; set; }
    [SupplyParameterFromQuery(Name = "agg")] public string? AggParameter { get; set; }
    [SupplyParameterFromQuery(Name = "groupBy")] public string? GroupByParameter { get; set; }
    [SupplyParameterFromQuery(Name = "period")] public string? PeriodParameter { get; set; }

    private IReadOnlyList<MetricCatalogEntry> _catalog = [];
    private IReadOnlyList<DashboardSummary> _editable = [];
    private string? _metric;
    private string _agg = "sum";
    private string _groupBy = "day";
    private string _period = "30d";
    private string? _module;
    private string? _by;
    private string _filters = "";
    private long? _target;
    private string _type = WidgetTypes.LineChart;

    private MetricCatalogEntry? Entry => _catalog.FirstOrDefault(c => c.Name == _metric);
    private MetricGrouping GroupBy => Enum.Parse<MetricGrouping>(_groupBy, ignoreCase: true);
    private MetricAggregate Agg => Enum.Parse<MetricAggregate>(_agg, ignoreCase: true);
    private string Title => $"{_metric} · {_agg} by {_groupBy}{(_by is null ? "" : $", per {_by}")}";

    private Dictionary<string, string>? _parsedFilters;
    private string? _parsedFrom;

    /// <summary>The filters as a dictionary, parsed again only when the text changes.</summary>
    private IReadOnlyDictionary<string, string>? Filters
    {
        get
        {
            if (_parsedFrom == _filters) return _parsedFilters;
            _parsedFrom = _filters;
            return _parsedFilters = _filters.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries))
                .Where(p => p.Length == 2 && p[0].Length > 0)
                .ToDictionary(p => p[0], p => p[1]);
        }
    }

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive) return;
        MetricDefinition? definition = null;
        (_catalog, _editable) = await InOwnScopeAsync(async (caller, services) =>
        {
            var metrics = services.GetRequiredService<MetricQueryService>();
            var catalog = await metrics.CatalogAsync(caller, CancellationToken.None);
            var dashboards = await services.GetRequiredService<DashboardService>().ListAsync(caller, CancellationToken.None);
            var metric = catalog.FirstOrDefault(c => c.Name == MetricParameter)?.Name
                ?? catalog.FirstOrDefault(c => c.Name == "order_value")?.Name ?? catalog.FirstOrDefault()?.Name;
            definition = metric is null ? null : await metrics.DefinitionAsync(caller, metric, CancellationToken.None);
            return (catalog, dashboards.Where(d => d.CanEdit).ToList());
        });
        _metric = definition?.Name;
        // Without an aggregate in the link the metric adds up by its definition: a gauge is averaged, never summed.
        if (AggParameter is "sum" or "avg" or "min" or "max" or "count" or "last") _agg = AggParameter;
        else if (definition is not null) _agg = definition.Aggregate.ToString().ToLowerInvariant();
        if (GroupByParameter is "hour" or "day" or "week" or "month" or "quarter") _groupBy = GroupByParameter;
        if (DashboardRange.Presets.Any(p => p.Period == PeriodParameter)) _period = PeriodParameter!;
        _target = _editable.FirstOrDefault()?.Id;
    }

    /// <summary>A breakdown is one series per value: a line widget would show only the total, so offer the stacked area.</summary>
    private void ChooseBreakdown(string? by)
    {
        _by = by;
        if (by is not null && _type == WidgetTypes.LineChart) _type = WidgetTypes.AreaChart;
        else if (by is null && _type == WidgetTypes.AreaChart) _type = WidgetTypes.LineChart;
    }

    private async Task AddToDashboardAsync()
    {
        if (_target is not { } dashboardId || _metric is null) return;
        try
        {
            var input = new WidgetInput(_type, Title, _metric, _module ?? "", _period, GroupBy: _groupBy, Agg: _agg, By: _by ?? "", Filters: Filters);
            await InOwnScopeAsync<DashboardService, Widget>((caller, dashboards) => dashboards.AddWidgetAsync(caller, dashboardId, input, CancellationToken.None));
            Snackbar.Add($"Added to “{_editable.First(d => d.Id == dashboardId).Name}”.", Severity.Success);
        }
        catch (InvalidInputException e)
        {
            Snackbar.Add(string.Join(" ", e.Errors.SelectMany(x => x.Value)), Severity.Error);
        }
        catch (AnalyticsException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
    }
}
