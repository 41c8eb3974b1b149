using Analytics.Core.Errors;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Analytics.Web.Components.Dashboards;
using Microsoft.AspNetCore.Components;

namespace Analytics.Web.Components.Widgets;

/// <summary>
/// A widget over one metric. Each widget owns a service scope, so widgets load in parallel; it reloads only when what
/// it asks changes (or <see cref="Version"/> moves on), and queries nothing while prerendering, showing the loading state.
/// </summary>
public abstract class MetricWidgetBase : TenantComponentBase
{
    [Parameter, EditorRequired] public required string Title { get; set; }
    [Parameter, EditorRequired] public required string Metric { get; set; }
    [Parameter] public string Period { get; set; } = "30d";
    [Parameter] public DateOnly? From { get; set; }
    [Parameter] public DateOnly? To { get; set; }
    [Parameter] public MetricGrouping GroupBy { get; set; } = MetricGrouping.Day;
    [Parameter] public MetricAggregate Agg { get; set; } = MetricAggregate.Sum;
    [Parameter] public string? Module { get; set; }
    [Parameter] public string? By { get; set; }
    [Parameter] public IReadOnlyDictionary<string, string>? Filters { get; set; }

    /// <summary>The dashboard's time range, which wins over the widget's own period.</summary>
    [Parameter] public DashboardRange? Range { get; set; }

    /// <summary>Bumped by the dashboard to reload with the same question: refresh, or new events.</summary>
    [Parameter] public int Version { get; set; }

    protected bool Loading { get; private set; } = true;
    protected string? Error { get; private set; }

    private string? _loaded;

    protected override async Task OnParametersSetAsync()
    {
        if (!RendererInfo.IsInteractive) return;
        var key = string.Join('|', Metric, Period, From, To, GroupBy, Agg, Module, By, Range,
            Filters is null ? "" : string.Join(',', Filters.OrderBy(f => f.Key).Select(f => $"{f.Key}={f.Value}")), Version);
        if (key == _loaded) return;
        var quiet = _loaded is not null && key.StartsWith(_loaded[.._loaded.LastIndexOf('|')], StringComparison.Ordinal);
        _loaded = key;
        // A version bump (live update, refresh) keeps the drawn chart until the new answer replaces it.
        if (!quiet) Loading = true;
        Error = null;
        try
        {
            var (caller, metrics) = await ResolveAsync<MetricQueryService>();
            var period = Range?.Period ?? Period;
            var query = await metrics.ForPeriodAsync(caller, Metric, period, GroupBy, Agg, Module, CancellationToken.None,
                Range is null ? From : Range.From, Range is null ? To : Range.To);
            query = query with { By = string.IsNullOrEmpty(By) ? null : By, Filters = Filters is { Count: > 0 } ? Filters : null };
            await LoadAsync(metrics, caller, query);
        }
        catch (AnalyticsException e)
        {
            Error = e.Message;
        }
        finally
        {
            Loading = false;
        }
    }

    protected abstract Task LoadAsync(MetricQueryService metrics, Caller caller, MetricQuery query);
}
