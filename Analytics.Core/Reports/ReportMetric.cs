using Analytics.Core.Metrics;

namespace Analytics.Core.Reports;

/// <summary>One metric of a report: its series over the report's period and its figure against the previous equal period.</summary>
public sealed record ReportMetric(string Name, string? Module, MetricAggregate Agg, MetricSeries Series, double? Value, double? PreviousValue)
{
    /// <summary>Relative change against the previous period (0.23 = +23 %); null when there is nothing to compare.</summary>
    public double? Change => Value is { } v && PreviousValue is { } p && p != 0 ? (v - p) / Math.Abs(p) : null;
}
