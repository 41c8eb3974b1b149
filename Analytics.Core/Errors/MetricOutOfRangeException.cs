using Analytics.Core.Metrics;

namespace Analytics.Core.Errors;

/// <summary>
/// A metric's stored values include one beyond <see cref="MetricValueRange.MaxMagnitude"/>: its figures cannot be
/// computed. A read of that metric answers 422; a view over many metrics lists it as a <see cref="MetricProblem"/>.
/// </summary>
public sealed class MetricOutOfRangeException(string metric, MetricTier tier)
    : AnalyticsException($"Metric {metric} holds a value out of range between -{MetricValueRange.Bound} and {MetricValueRange.Bound}; its figures cannot be computed.")
{
    public string Metric { get; } = metric;

    /// <summary>The tier whose rows held the value.</summary>
    public MetricTier Tier { get; } = tier;

    public override AnalyticsErrorKind Kind => AnalyticsErrorKind.Unprocessable;

    /// <summary>The refusal as a view over many metrics reports it.</summary>
    public MetricProblem Problem => new(Metric, Message);
}
