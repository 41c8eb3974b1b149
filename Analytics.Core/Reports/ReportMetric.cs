using Analytics.Core.Metrics;

namespace Analytics.Core.Reports;

/// <summary>
/// One metric of a report: its series over the report's period and its figure against the previous equal period; or,
/// when its figures cannot be computed, a series without events and the <see cref="Problem"/> that says why.
/// </summary>
public sealed record ReportMetric(string Name, string? Module, MetricAggregate Agg, MetricSeries Series, double? Value, double? PreviousValue)
{
    /// <summary>Why the metric has no figures (it holds a value out of range); null for a metric that reads.</summary>
    public string? Problem { get; init; }

    /// <summary>Relative change against the previous period (0.23 = +23 %); null when there is nothing to compare.</summary>
    public double? Change => Value is { } v && PreviousValue is { } p ? MetricTrend.ChangeOf(v, p) : null;
}
