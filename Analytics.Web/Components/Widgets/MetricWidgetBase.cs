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

    /// <summary>The dimension to break the metric down by (country, channel, …), or none.</summary>
    [Parameter] public string? By { get; set; }

    /// <summary>Dimension values the events must have, such as channel = web.</summary>
    [Parameter] public IReadOnlyDictionary<string, string>? Filters { get; set; }

    /// <summary>The dashboard's time range, which wins over the widget's own period.</summary>
    [Parameter] public DashboardRange? Range { get; set; }

    /// <summary>Bumped by the dashboard to reload with the same question: refresh, or new events.</summary>
    [Parameter] public int Version { get; set; }

    protected bool Loading { get; private set; } = true;
    protected string? Error { get; private set; }

    /// <summary>True for widgets that only make sense over a breakdown (pie, geo map); they show an error without <see cref="By"/>.</summary>
    protected virtual bool RequiresBreakdown => false;

    /// <summary>The widget's caption: the aggregate, the grouping or breakdown, and the period.</summary>
    protected virtual string Subtitle =>
        $"{Agg.ToString().ToLowerInvariant()} by {(string.IsNullOrEmpty(By) ? GroupBy.ToString().ToLowerInvariant() : By)}, {Range?.Label ?? Period}";

    // What the last answer was loaded for: a parent re-render hands the same parameters (and often a fresh but
    // equal Filters dictionary) again, which must neither query again nor flash the loading state and redraw.
    private string? _loadedFor;
    private string? _question;

    protected override async Task OnParametersSetAsync()
    {
        if (!RendererInfo.IsInteractive) return;
        var question = Question();
        var key = question + '\u001f' + Version;
        if (key == _loadedFor) return;
        // A new version of the same question (live update, refresh) keeps the drawn chart until the new answer replaces it.
        if (question != _question) Loading = true;
        Error = null;
        try
        {
            if (RequiresBreakdown && string.IsNullOrEmpty(By))
            {
                Error = $"Choose a dimension to break {Metric} down by.";
                return;
            }
            // A live update may start while the previous load still reads: each load has a scope of its own.
            await InOwnScopeAsync<MetricQueryService, bool>(async (caller, metrics) =>
            {
                var query = await metrics.ForPeriodAsync(caller, Metric, Range?.Period ?? Period, GroupBy, Agg, Module, CancellationToken.None,
                    Range is null ? From : Range.From, Range is null ? To : Range.To);
                query = query with { By = string.IsNullOrEmpty(By) ? null : By, Filters = Filters is { Count: > 0 } ? Filters : null };
                await LoadAsync(metrics, caller, query);
                return true;
            });
            _loadedFor = key;
            _question = question;
        }
        catch (AnalyticsException e)
        {
            Error = e.Message;
            _loadedFor = null;
            _question = null;
        }
        finally
        {
            Loading = false;
        }
    }

    protected abstract Task LoadAsync(MetricQueryService metrics, Caller caller, MetricQuery query);

    private string Question() => string.Join('\u001f',
        Metric, Period, From, To, GroupBy, Agg, Module, By, RequiresBreakdown, Range,
        Filters is null ? "" : string.Join('\u001e', Filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}")));
}
