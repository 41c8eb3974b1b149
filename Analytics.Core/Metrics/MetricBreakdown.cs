namespace Analytics.Core.Metrics;

/// <summary>The series of one value of the breakdown dimension, such as country = DE.</summary>
public sealed record MetricBreakdown(string Value, IReadOnlyList<MetricPoint> Data, MetricSummary Summary, double? Total);
