namespace Analytics.Core.Metrics;

/// <summary>The answer to a <see cref="MetricQuery"/>: every bucket of the range, empty ones included.</summary>
public sealed record MetricSeries(MetricQuery Query, IReadOnlyList<MetricPoint> Data, MetricSummary Summary, string Tier)
{
    /// <summary>The aggregate of the whole range, by the query's aggregate.</summary>
    public double? Value { get; init; }
}
