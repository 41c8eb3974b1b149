using Analytics.Core.Metrics;

namespace Analytics.Core.Kpis;

/// <summary>
/// An amount metric converted to the window's currency: per bucket, in total, with its event count.
/// </summary>
public sealed record Money(MetricSeries Series, IReadOnlyList<double> Values, double Total, long Count);
