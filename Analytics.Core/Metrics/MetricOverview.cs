namespace Analytics.Core.Metrics;

/// <summary>Every metric's figures over a period (<c>GET /api/{tenant}/metrics/summary</c>), and the metrics whose figures cannot be computed.</summary>
public sealed record MetricOverview(IReadOnlyList<MetricTotals> Metrics, IReadOnlyList<MetricProblem> Problems);
