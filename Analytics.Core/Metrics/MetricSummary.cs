namespace Analytics.Core.Metrics;

public sealed record MetricSummary(double Total, long Count, double Average);
