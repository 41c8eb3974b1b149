using System.Globalization;
using Analytics.Core.Dashboards;
using Analytics.Core.Errors;
using Analytics.Core.Insights;
using Analytics.Core.Kpis;
using Analytics.Core.Metrics;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Analytics.Web.Components.Dialogs;

/// <summary>
/// Adds or edits a widget: every field of seed 004's widget, with a live preview and the server's field errors. Its source
/// is a metric series, a business KPI (a <c>kpi_card</c> of <c>kpi.&lt;area&gt;.&lt;figure&gt;</c>) or a forecast (a
/// <c>line_chart</c> of <c>forecast.&lt;metric&gt;</c>).
/// </summary>
public partial class WidgetEditorDialog
{
    [CascadingParameter] public required IMudDialogInstance Dialog { get; set; }

    [Parameter] public long DashboardId { get; set; }
    [Parameter] public Widget? Widget { get; set; }

    private const string MetricSource = "metric";
    private const string KpiSource = "kpi";
    private const string ForecastSource = "forecast";

    private static readonly IReadOnlyList<string> KpiAreas = KpiFigures.All.Select(f => f.Area).Distinct().ToList();

    private sealed class Draft
    {
        public string Source { get; set; } = MetricSource;
        public string? KpiArea { get; set; }
        public string? KpiKey { get; set; }
        public string ForecastMetric { get; set; } = "revenue";
        public string Type { get; set; } = WidgetTypes.LineChart;
        public string Title { get; set; } = "";
        public string? Metric { get; set; }
        public string? Module { get; set; }
        public string Agg { get; set; } = "sum";
        public string Period { get; set; } = "30d";
        public string GroupBy { get; set; } = "day";
        public string? By { get; set; }
        public string FilterText { get; set; } = "";
        public bool HigherIsBetter { get; set; } = true;
        public bool FixedPeriod { get; set; }
    }

    private Draft _draft = new();
    private IReadOnlyList<MetricCatalogEntry> _catalog = [];
    private IReadOnlyList<string> _modules = Analytics.Core.Metrics.Modules.All;
    private bool _ready;
    private Dictionary<string, string> _errors = [];
    private bool _saving;
    private Widget? _preview;
    private string? _previewKey;

    public static async Task<bool> ShowAsync(IDialogService dialogs, long dashboardId, Widget? widget)
    {
        var parameters = new DialogParameters<WidgetEditorDialog> { { d => d.DashboardId, dashboardId }, { d => d.Widget, widget } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<WidgetEditorDialog>(widget is null ? "Add widget" : "Edit widget", parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false };
    }

    protected override async Task OnInitializedAsync()
    {
        if (Widget is { } w)
        {
            _draft = new Draft
            {
                Type = w.Type, Title = w.Title, Metric = w.Metric, Module = w.Module, Agg = w.Agg, Period = w.Period, GroupBy = w.GroupBy,
                By = w.By, FilterText = string.Join(", ", w.Filters.Select(f => $"{f.Key}={f.Value}")), HigherIsBetter = w.HigherIsBetter,
                FixedPeriod = w.FixedPeriod,
            };
            if (KpiFigures.Find(w.Metric) is { } figure)
            {
                _draft.Source = KpiSource;
                _draft.KpiArea = figure.Area;
                _draft.KpiKey = figure.Key;
            }
            else if (w.Metric.StartsWith(ForecastService.WidgetPrefix, StringComparison.Ordinal))
            {
                _draft.Source = ForecastSource;
                _draft.ForecastMetric = w.Metric[ForecastService.WidgetPrefix.Length..];
            }
        }
        if (!RendererInfo.IsInteractive) return;
        var (caller, metrics) = await ResolveAsync<MetricQueryService>();
        _catalog = await metrics.CatalogAsync(caller, CancellationToken.None);
        _modules = await ScopedServices.GetRequiredService<ModuleDirectory>().NamesAsync(caller.TenantId, CancellationToken.None);
        _draft.Metric ??= _catalog.FirstOrDefault()?.Name;
        _ready = true;
    }

    private IEnumerable<string> Modules =>
        _catalog.FirstOrDefault(c => c.Name == _draft.Metric)?.Modules ?? _modules;

    private IEnumerable<string> Dimensions =>
        _catalog.FirstOrDefault(c => c.Name == _draft.Metric)?.Dimensions ?? [];

    private string SourceHelp => _draft.Source switch
    {
        KpiSource => "A business KPI over the widget's period, on a KPI card",
        ForecastSource => "History, forecast and its 80 % interval, on a line chart",
        _ => "A series of the metric store",
    };

    private static string AreaLabel(string area) => area == "hr" ? "HR" : char.ToUpperInvariant(area[0]) + area[1..];

    private string? _autoTitle;

    /// <summary>Fills the title from the chosen KPI or forecast while the user has not written one of their own.</summary>
    private void SuggestTitle(string? title)
    {
        if (title is null) return;
        if (string.IsNullOrWhiteSpace(_draft.Title) || _draft.Title == _autoTitle) _draft.Title = title;
        _autoTitle = title;
    }

    private void SourceChanged(string source)
    {
        _draft.Source = source;
        _errors = [];
        if (source == KpiSource)
        {
            _draft.Type = WidgetTypes.KpiCard;
            _draft.KpiArea ??= KpiAreas[0];
            KpiAreaChanged(_draft.KpiArea);
        }
        else if (source == ForecastSource)
        {
            _draft.Type = WidgetTypes.LineChart;
            if (_draft.GroupBy == "hour") _draft.GroupBy = "month";
            ForecastMetricChanged(_draft.ForecastMetric);
        }
        else
        {
            _draft.Type = WidgetTypes.LineChart;
        }
    }

    private void KpiAreaChanged(string area)
    {
        _draft.KpiArea = area;
        if (KpiFigures.Find(_draft.KpiKey ?? "")?.Area != area) KpiChanged(KpiFigures.All.First(f => f.Area == area).Key);
    }

    private void KpiChanged(string key)
    {
        _draft.KpiKey = key;
        SuggestTitle(KpiFigures.Find(key)?.Label);
    }

    private void ForecastMetricChanged(string metric)
    {
        _draft.ForecastMetric = metric;
        SuggestTitle($"Forecast of {metric}");
    }

    /// <summary>The widget type and metric the draft stands for, by its source.</summary>
    private (string Type, string? Metric) Effective() => _draft.Source switch
    {
        KpiSource => (WidgetTypes.KpiCard, _draft.KpiKey),
        ForecastSource => (WidgetTypes.LineChart, ForecastService.WidgetPrefix + _draft.ForecastMetric),
        _ => (_draft.Type, _draft.Metric),
    };

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private static string TypeLabel(string type) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(type.Replace('_', ' '));

    private WidgetInput Input()
    {
        var (type, metric) = Effective();
        return _draft.Source switch
        {
            // KPIs and forecasts read no module, aggregate, breakdown or filters; a KPI knows which way is good news.
            KpiSource => new(type, _draft.Title, metric, "", _draft.Period, GroupBy: "day", Agg: "sum", By: "", Filters: new Dictionary<string, string>(),
                HigherIsBetter: KpiFigures.Find(metric ?? "")?.HigherIsBetter ?? true, FixedPeriod: _draft.FixedPeriod),
            ForecastSource => new(type, _draft.Title, metric, "", "12m", GroupBy: _draft.GroupBy, Agg: "sum", By: "", Filters: new Dictionary<string, string>()),
            _ => new(type, _draft.Title, metric, _draft.Module ?? "", _draft.Period, GroupBy: _draft.GroupBy, Agg: _draft.Agg,
                By: _draft.By ?? "", Filters: ParseFilters(), HigherIsBetter: _draft.HigherIsBetter, FixedPeriod: _draft.FixedPeriod),
        };
    }

    private Dictionary<string, string> ParseFilters() =>
        _draft.FilterText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2, StringSplitOptions.TrimEntries))
            .ToDictionary(pair => pair[0], pair => pair.Length == 2 ? pair[1] : "");

    /// <summary>The draft as a widget to preview, rebuilt only when the draft changes.</summary>
    private Widget? Preview()
    {
        var (type, metric) = Effective();
        if (string.IsNullOrEmpty(metric) || string.IsNullOrWhiteSpace(_draft.Title)) return null;
        if (_draft.Source == MetricSource && WidgetTypes.NeedsBreakdown(type) && string.IsNullOrEmpty(_draft.By)) return null;
        var input = Input();
        var key = string.Join('|', input.Type, input.Title, input.Metric, input.Module, input.Agg, input.Period, input.GroupBy, input.By, _draft.FilterText, input.HigherIsBetter, input.FixedPeriod);
        if (key == _previewKey) return _preview;
        _previewKey = key;
        return _preview = new Widget
        {
            Type = type, Title = _draft.Title, Metric = metric, Module = input.Module is { Length: > 0 } m ? m : null, Agg = input.Agg ?? "sum",
            Period = input.Period ?? "30d", GroupBy = input.GroupBy ?? "day", By = input.By is { Length: > 0 } b ? b : null,
            Filters = input.Filters is { } filters ? new Dictionary<string, string>(filters) : [], HigherIsBetter = input.HigherIsBetter ?? true,
            FixedPeriod = input.FixedPeriod ?? false,
        };
    }

    private void Cancel() => Dialog.Cancel();

    private async Task SaveAsync()
    {
        _saving = true;
        _errors = [];
        try
        {
            var (caller, dashboards) = await ResolveAsync<DashboardService>();
            if (Widget is null) await dashboards.AddWidgetAsync(caller, DashboardId, Input(), CancellationToken.None);
            else await dashboards.UpdateWidgetAsync(caller, Widget.Id, Input(), CancellationToken.None);
            Dialog.Close(DialogResult.Ok(true));
        }
        catch (InvalidInputException e)
        {
            _errors = e.Errors
                .GroupBy(error => error.Key.Split('.')[0])
                .ToDictionary(g => g.Key, g => string.Join(" ", g.SelectMany(error => error.Value)));
        }
        catch (AnalyticsException e)
        {
            _errors = new() { [""] = e.Message };
        }
        finally
        {
            _saving = false;
        }
    }
}
