using System.Globalization;
using Analytics.Core.Errors;
using Analytics.Core.Insights;
using Analytics.Core.Kpis;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;

namespace Analytics.Core.Dashboards;

/// <summary>
/// Turns a widget into its answer: the one path of the widgets on screen, the dashboard PDF and Explore, so a widget
/// says the same everywhere. A dashboard's time range replaces every widget's period, and the subtitle names the
/// period the answer covers.
/// </summary>
public sealed class WidgetQuery(MetricQueryService metrics, KpiFigures kpis, ForecastService forecasts)
{
    /// <summary>How many periods a forecast widget looks ahead.</summary>
    public const int ForecastPeriods = 6;

    /// <summary>The period the widget covers: the dashboard's range when one is chosen, else (or when the widget keeps a fixed period) its own.</summary>
    public static WidgetPeriod PeriodOf(Widget widget, WidgetPeriod? range) =>
        range is not null && !widget.FixedPeriod ? range : new WidgetPeriod(widget.Period, widget.From, widget.To);

    public static bool IsKpiFigure(Widget widget) =>
        widget.Type == WidgetTypes.KpiCard && widget.Metric.StartsWith(KpiFigures.Prefix, StringComparison.Ordinal);

    public static bool IsForecast(Widget widget) =>
        widget.Type == WidgetTypes.LineChart && widget.Metric.StartsWith(ForecastService.WidgetPrefix, StringComparison.Ordinal);

    public static MetricGrouping GroupingOf(Widget widget) => Enum.TryParse<MetricGrouping>(widget.GroupBy, true, out var g) ? g : MetricGrouping.Day;

    public static MetricAggregate AggregateOf(Widget widget) => Enum.TryParse<MetricAggregate>(widget.Agg, true, out var a) ? a : MetricAggregate.Sum;

    /// <summary>The dimension a widget breaks its metric down by: none for a KPI card, <c>country</c> unless told otherwise for a map.</summary>
    public static string? BreakdownOf(Widget widget) => widget.Type switch
    {
        WidgetTypes.KpiCard => null,
        WidgetTypes.GeoMap when string.IsNullOrEmpty(widget.By) => "country",
        _ => string.IsNullOrEmpty(widget.By) ? null : widget.By,
    };

    /// <summary>
    /// The caption under the title: the period for a figure; the aggregate, the grouping or breakdown and the period for
    /// a chart. A widget that keeps its own period says so, so a dashboard range that does not move it is no surprise.
    /// </summary>
    public static string Subtitle(Widget widget, WidgetPeriod period)
    {
        var label = widget.FixedPeriod ? $"{period.Label} (fixed)" : period.Label;
        return widget.Type == WidgetTypes.KpiCard
            ? label
            : $"{AggregateOf(widget).ToString().ToLowerInvariant()} by {BreakdownOf(widget) ?? GroupingOf(widget).ToString().ToLowerInvariant()}, {label}";
    }

    /// <summary>The metric question a widget asks over <paramref name="range"/> (or its own period), amounts in <paramref name="currency"/> (the tenant's by default).</summary>
    public async Task<MetricQuery> QueryAsync(Caller caller, Widget widget, WidgetPeriod? range, CancellationToken ct, string? currency = null)
    {
        var period = PeriodOf(widget, range);
        var query = await metrics.ForPeriodAsync(caller, widget.Metric, period.Period, GroupingOf(widget), AggregateOf(widget), widget.Module, ct, period.From, period.To);
        return query with { By = BreakdownOf(widget), Filters = widget.Filters.Count > 0 ? widget.Filters : null, Currency = currency };
    }

    /// <summary>The widget's answer; a question the store refuses (a range past retention, a missing breakdown) is the answer's error.</summary>
    public async Task<WidgetAnswer> AnswerAsync(Caller caller, Widget widget, WidgetPeriod? range, CancellationToken ct, string? currency = null)
    {
        var period = PeriodOf(widget, range);
        var answer = new WidgetAnswer(widget, period, Subtitle(widget, period));
        try
        {
            if (IsForecast(widget))
            {
                var granularity = GroupingOf(widget) is MetricGrouping.Hour ? MetricGrouping.Day : GroupingOf(widget);
                var request = new ForecastRequest(ForecastPeriods.ToString(CultureInfo.InvariantCulture), granularity.ToString().ToLowerInvariant(),
                    widget.Metric[ForecastService.WidgetPrefix.Length..]);
                var forecast = await forecasts.GetAsync(caller, request, ct);
                return answer with { Forecast = forecast, Subtitle = $"{forecast.Model.Replace('_', ' ')}, confidence {forecast.Confidence?.ToString("0.0%", CultureInfo.InvariantCulture) ?? "–"}" };
            }
            if (WidgetTypes.NeedsBreakdown(widget.Type) && BreakdownOf(widget) is null)
                return answer with { Error = $"Choose a dimension to break {widget.Metric} down by." };
            var query = await QueryAsync(caller, widget, range, ct, currency);
            if (IsKpiFigure(widget)) return answer with { Kpi = await kpis.GetAsync(caller, widget.Metric, query.FromUtc, query.ToUtc, ct) };
            if (widget.Type == WidgetTypes.KpiCard)
            {
                var trend = await metrics.TrendAsync(caller, query, ct);
                return answer with { Series = trend.Current, Trend = trend };
            }
            return answer with { Series = await metrics.QueryAsync(caller, query, ct) };
        }
        catch (AnalyticsException e) when (e is not NotFoundException)
        {
            return answer with { Error = e.Message };
        }
    }
}
