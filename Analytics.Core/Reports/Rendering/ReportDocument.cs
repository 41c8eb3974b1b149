using Analytics.Core.Metrics;

namespace Analytics.Core.Reports.Rendering;

/// <summary>The JSON shape of a report file.</summary>
public sealed record ReportDocument(
    string Title,
    ReportDocument.TenantInfo Tenant,
    ReportDocument.PeriodInfo Period,
    MetricGrouping GroupBy,
    string TimeZone,
    string Currency,
    IReadOnlyDictionary<string, string> Filters,
    string? Segment,
    DateTime GeneratedAt,
    IReadOnlyList<ReportDocument.MetricInfo> Metrics)
{
    public sealed record TenantInfo(string Slug, string Name);

    /// <summary>The period's label, its first and last day in the tenant's zone, and its UTC bounds (end exclusive).</summary>
    public sealed record PeriodInfo(string Label, string From, string To, DateTime FromUtc, DateTime ToUtc);

    /// <summary>
    /// A metric's figures; one whose figures cannot be computed has no data or summary, and a <c>problem</c> that says why.
    /// An amount metric's figures are in <c>currency</c> (null for other metrics).
    /// </summary>
    public sealed record MetricInfo(string Name, string? Module, MetricAggregate Agg, double? Value, double? PreviousValue, double? Change,
        MetricTier Tier, IReadOnlyList<Point> Data, MetricSummary? Summary, string? Problem, string? Currency);

    public sealed record Point(string Date, double? Value, long Count, bool Partial);
}
