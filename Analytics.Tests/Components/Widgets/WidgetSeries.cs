using Analytics.Core.Metrics;

namespace Analytics.Tests.Components.Widgets;

/// <summary>Metric series built by hand, as the query service would answer them, for the widget component tests.</summary>
internal static class WidgetSeries
{
    public static readonly DateTime Start = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>One point a day with the given values and one event each.</summary>
    public static MetricSeries Timeline(params double[] values)
    {
        var query = new MetricQuery("order_value", Start, Start.AddDays(values.Length));
        return new MetricSeries(query, Points(values), new MetricSummary(values.Sum(), values.Length, values.Length == 0 ? 0 : values.Average()), MetricTier.Raw)
        {
            Value = values.Sum(),
        };
    }

    /// <summary>
    /// A breakdown by <paramref name="by"/>: each value with its total spread over two days and <c>count</c> events;
    /// listed largest first, as the query service does.
    /// </summary>
    public static MetricSeries Breakdown(string by, IEnumerable<(string Value, double Total)> values, MetricAggregate agg = MetricAggregate.Sum, long count = 2)
    {
        var list = values.OrderByDescending(v => v.Total).ThenBy(v => v.Value, StringComparer.Ordinal).ToList();
        var query = new MetricQuery("order_value", Start, Start.AddDays(2), MetricGrouping.Day, agg, By: by);
        var breakdown = list.Select(v => new MetricBreakdown(
            v.Value,
            Points(v.Total / 2, v.Total / 2).Select(p => p with { Count = count / 2 }).ToList(),
            new MetricSummary(v.Total, count, Math.Round(v.Total / count, 2)),
            v.Total)).ToList();
        var total = list.Sum(v => v.Total);
        return new MetricSeries(query, Points(total / 2, total / 2), new MetricSummary(total, count * list.Count, list.Count == 0 ? 0 : total / (count * list.Count)), MetricTier.Daily)
        {
            Value = total,
            Breakdown = breakdown,
        };
    }

    public static MetricSeries Breakdown(string by, params (string Value, double Total)[] values) => Breakdown(by, values.AsEnumerable());

    private static List<MetricPoint> Points(params double[] values) =>
        values.Select((v, i) => new MetricPoint($"2026-03-{i + 1:00}", Start.AddDays(i), v, 1)).ToList();
}
