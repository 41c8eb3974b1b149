using Analytics.Core.Errors;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Microsoft.AspNetCore.Components;

namespace Analytics.Web.Components.Widgets;

/// <summary>
/// A widget over one metric. Each widget owns a service scope, so widgets load in parallel without sharing
/// the circuit's DbContext; nothing is queried while prerendering, which shows the loading state instead.
/// </summary>
public abstract class MetricWidgetBase : OwningComponentBase
{
    [Inject] public required CallerAccessor Callers { get; init; }

    [Parameter, EditorRequired] public required string Title { get; set; }
    [Parameter, EditorRequired] public required string Metric { get; set; }
    [Parameter] public string Period { get; set; } = "30d";
    [Parameter] public MetricGrouping GroupBy { get; set; } = MetricGrouping.Day;
    [Parameter] public MetricAggregate Agg { get; set; } = MetricAggregate.Sum;
    [Parameter] public string? Module { get; set; }

    /// <summary>The dimension to break the metric down by (country, channel, …), or none.</summary>
    [Parameter] public string? By { get; set; }

    /// <summary>Dimension values the events must have, such as channel = web.</summary>
    [Parameter] public IReadOnlyDictionary<string, string>? Filters { get; set; }

    protected bool Loading { get; private set; } = true;
    protected string? Error { get; private set; }

    /// <summary>True for widgets that only make sense over a breakdown (pie, geo map); they show an error without <see cref="By"/>.</summary>
    protected virtual bool RequiresBreakdown => false;

    /// <summary>The widget's caption: the aggregate, the grouping or breakdown, and the period.</summary>
    protected virtual string Subtitle =>
        $"{Agg.ToString().ToLowerInvariant()} by {(string.IsNullOrEmpty(By) ? GroupBy.ToString().ToLowerInvariant() : By)}, {Period}";

    // What the last answer was loaded for: a parent re-render hands the same parameters (and often a fresh but
    // equal Filters dictionary) again, which must neither query again nor flash the loading state and redraw.
    private string? _loadedFor;

    protected override async Task OnParametersSetAsync()
    {
        if (!RendererInfo.IsInteractive) return;
        var key = LoadKey();
        if (key == _loadedFor) return;
        Loading = true;
        Error = null;
        try
        {
            if (RequiresBreakdown && string.IsNullOrEmpty(By))
            {
                Error = $"Choose a dimension to break {Metric} down by.";
                return;
            }
            var caller = await Callers.GetAsync();
            ScopedServices.GetRequiredService<TenantContext>().Use(caller.TenantId);
            var metrics = ScopedServices.GetRequiredService<MetricQueryService>();
            var query = await metrics.ForPeriodAsync(caller, Metric, Period, GroupBy, Agg, Module);
            query = query with { By = string.IsNullOrEmpty(By) ? null : By, Filters = Filters is { Count: > 0 } ? Filters : null };
            await LoadAsync(metrics, caller, query);
            _loadedFor = key;
        }
        catch (AnalyticsException e)
        {
            Error = e.Message;
            _loadedFor = null;
        }
        finally
        {
            Loading = false;
        }
    }

    protected abstract Task LoadAsync(MetricQueryService metrics, Caller caller, MetricQuery query);

    private string LoadKey() => string.Join('\u001f',
        Metric, Period, GroupBy, Agg, Module, By, RequiresBreakdown,
        Filters is null ? "" : string.Join('\u001e', Filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}")));
}
