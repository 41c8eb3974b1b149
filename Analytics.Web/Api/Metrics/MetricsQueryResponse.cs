using Analytics.Core.Metrics;

namespace Analytics.Web.Api.Metrics;

/// <summary>
/// Seed 004's query answer: <c>data[date, value, count, partial]</c> and <c>summary{total, count, average}</c>, plus the
/// tier and any breakdown. An amount metric says its <c>currency</c> and how many events were left out because their
/// currency has no exchange rate (<c>unconverted_events</c>); both are null for other metrics.
/// </summary>
public sealed record MetricsQueryResponse(
    string Name,
    string GroupBy,
    string Agg,
    IReadOnlyList<MetricsQueryResponse.Point> Data,
    MetricSummary Summary,
    string Tier,
    string? By,
    IReadOnlyList<MetricsQueryResponse.Group>? Breakdown,
    string? Currency,
    long? UnconvertedEvents)
{
    /// <param name="Partial">True for a bucket not yet complete (today, this week so far): its value is a figure so far.</param>
    public sealed record Point(string Date, double? Value, long Count, bool Partial);

    public sealed record Group(string Value, double? Total, IReadOnlyList<Point> Data, MetricSummary Summary);

    public static MetricsQueryResponse From(MetricSeries series) => new(
        series.Query.Name,
        series.Query.GroupBy.ToString().ToLowerInvariant(),
        series.Query.Agg.ToString().ToLowerInvariant(),
        Points(series.Data),
        series.Summary,
        series.Tier.ToString().ToLowerInvariant(),
        series.Query.By,
        series.Query.By is null ? null : series.Breakdown.Select(b => new Group(b.Value, b.Total, Points(b.Data), b.Summary)).ToList(),
        series.Currency,
        series.Currency is null ? null : series.UnconvertedEvents);

    private static List<Point> Points(IReadOnlyList<MetricPoint> points) => points.Select(p => new Point(p.Date, p.Value, p.Count, p.Partial)).ToList();
}
