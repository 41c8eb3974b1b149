namespace Analytics.Core.Metrics;

/// <summary>
/// One metric's figures over a period, for <c>GET /api/{tenant}/metrics/summary</c>; an amount metric's are in
/// <see cref="Currency"/>, leaving out <see cref="UnconvertedEvents"/> events whose currency has no rate.
/// </summary>
public sealed record MetricTotals(
    string Name,
    string? Module,
    double Total,
    long Count,
    double Average,
    double? Min,
    double? Max,
    double? Last,
    double? Change,
    MetricTier Tier,
    string? Currency = null,
    long? UnconvertedEvents = null);
