using Analytics.Core.Metrics;

namespace Analytics.Core.Reports;

/// <summary>Everything a report shows, queried once and then drawn by each format's writer.</summary>
public sealed record ReportContent(
    string Title,
    string TenantSlug,
    string TenantName,
    string Currency,
    TimeZoneInfo Zone,
    string PeriodLabel,
    DateTime FromUtc,
    DateTime ToUtc,
    MetricGrouping GroupBy,
    IReadOnlyDictionary<string, string> Filters,
    string? Segment,
    DateTime GeneratedAtUtc,
    IReadOnlyList<ReportMetric> Metrics)
{
    /// <summary>The first day of the period in the tenant's zone.</summary>
    public DateOnly FirstDay => DateOnly.FromDateTime(TimeBuckets.ToLocal(FromUtc, Zone));

    /// <summary>The last day of the period in the tenant's zone (the period's end is exclusive).</summary>
    public DateOnly LastDay => DateOnly.FromDateTime(TimeBuckets.ToLocal(ToUtc > FromUtc ? ToUtc.AddTicks(-1) : ToUtc, Zone));

    public DateTime GeneratedAtLocal => TimeBuckets.ToLocal(GeneratedAtUtc, Zone);

    /// <summary>How many series rows the report holds: one per metric and bucket.</summary>
    public long RowCount => Metrics.Sum(m => (long)m.Series.Data.Count);
}
