using Analytics.Core.Metrics;

namespace Analytics.Web.Api.Metrics;

/// <summary>Seed 004's query answer: <c>data[date, value, count]</c> and <c>summary{total, count, average}</c>.</summary>
public sealed record MetricsQueryResponse(string Name, string GroupBy, string Agg, IReadOnlyList<MetricsQueryResponse.Point> Data, MetricSummary Summary, string Tier)
{
    public sealed record Point(string Date, double? Value, long Count);

    public static MetricsQueryResponse From(MetricSeries series) => new(
        series.Query.Name,
        series.Query.GroupBy.ToString().ToLowerInvariant(),
        series.Query.Agg.ToString().ToLowerInvariant(),
        series.Data.Select(p => new Point(p.Date, p.Value, p.Count)).ToList(),
        series.Summary,
        series.Tier);
}
