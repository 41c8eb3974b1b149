using Analytics.Core.Dashboards;
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

    /// <summary>The dashboard's time range, which wins over the widget's own period unless it keeps a fixed one.</summary>
    [Parameter] public DashboardRange? Range { get; set; }

    /// <summary>Whether the widget keeps its own period whatever the dashboard's range.</summary>
    [Parameter] public bool FixedPeriod { get; set; }

    /// <summary>Bumped by the dashboard to reload with the same question: refresh, or new events.</summary>
    [Parameter] public int Version { get; set; }

    protected bool Loading { get; private set; } = true;
    protected string? Error { get; private set; }

    /// <summary>The widget type this component draws, one of <see cref="WidgetTypes.All"/>.</summary>
    protected abstract string Type { get; }

    /// <summary>The widget's caption: what the answer covers (its period, and for a chart the aggregate and grouping).</summary>
    protected string Subtitle => _answer?.Subtitle ?? WidgetQuery.Subtitle(AsWidget(), WidgetQuery.PeriodOf(AsWidget(), Range?.AsWidgetPeriod()));

    private WidgetAnswer? _answer;

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
        if (question != _question)
        {
            Loading = true;
            _answer = null; // the caption follows the new question at once, not the answer still shown
        }
        Error = null;
        try
        {
            // A live update may start while the previous load still reads: each load has a scope of its own.
            var answer = await InOwnScopeAsync<WidgetQuery, WidgetAnswer>((caller, widgets) =>
                widgets.AnswerAsync(caller, AsWidget(), Range?.AsWidgetPeriod(), CancellationToken.None));
            _answer = answer;
            if (answer.Error is { } error)
            {
                Error = error;
                _loadedFor = null;
                _question = null;
                return;
            }
            Show(answer);
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

    /// <summary>Takes the widget's answer to draw it.</summary>
    protected abstract void Show(WidgetAnswer answer);

    /// <summary>The widget these parameters describe, as <see cref="WidgetQuery"/> reads a stored one.</summary>
    private Widget AsWidget() => new()
    {
        Type = Type, Title = Title, Metric = Metric, Module = Module, Period = Period, From = From, To = To,
        GroupBy = GroupBy.ToString().ToLowerInvariant(), Agg = Agg.ToString().ToLowerInvariant(), By = By,
        Filters = Filters is null ? [] : new Dictionary<string, string>(Filters), FixedPeriod = FixedPeriod,
    };

    private string Question() => string.Join('\u001f',
        Type, Metric, Period, From, To, GroupBy, Agg, Module, By, FixedPeriod ? null : Range, FixedPeriod,
        Filters is null ? "" : string.Join('\u001e', Filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}")));
}
