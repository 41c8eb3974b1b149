using Analytics.Core.Metrics;

namespace Analytics.Core.Reports;

/// <summary>
/// One report to draw, with its period already resolved: the metrics named and every metric of <see cref="Modules"/>
/// in the catalog, over [<see cref="FromUtc"/>, <see cref="ToUtc"/>) by <see cref="GroupBy"/>.
/// </summary>
public sealed record ReportSpec(
    string Title,
    ReportFormat Format,
    IReadOnlyList<string> Metrics,
    IReadOnlyList<string> Modules,
    DateTime FromUtc,
    DateTime ToUtc,
    string PeriodLabel,
    MetricGrouping GroupBy,
    IReadOnlyDictionary<string, string> Filters,
    string? Segment = null);
