using Analytics.Core.Metrics;

namespace Analytics.Core.Kpis;

/// <summary>
/// An amount metric converted to the window's currency: per bucket, in total, with its event count, and the blended
/// rate (converted total over the stored total) that converts breakdowns without a currency split of their own.
/// </summary>
public sealed record Money(MetricSeries Series, IReadOnlyList<double> Values, double Total, long Count, double BlendedFactor);
