using Analytics.Core.Metrics;

namespace Analytics.Core.Reports;

/// <summary>A report's period in UTC, its readable label and the grouping that suits its length.</summary>
public sealed record ResolvedPeriod(DateTime FromUtc, DateTime ToUtc, string Label, MetricGrouping GroupBy);
