using System.Collections.Frozen;
using Analytics.Core.Metrics;

namespace Analytics.Core.Reports;

/// <summary>
/// How a report aggregates a metric over a bucket and over its period. Counters and amounts are summed. A sum of
/// readings means nothing, so gauges read per part (stock_level per sku and warehouse, headcount per department,
/// oee per line), ratings (csat, attendance 1/0, shopify_sync_status 1/0) and durations (delivery, response,
/// resolution and deal-cycle times) are averaged; active_dealers, one tenant-wide reading, shows its last value.
/// </summary>
public static class ReportAggregates
{
    private static readonly FrozenSet<string> Averaged = new[]
    {
        "stock_level", "headcount", "oee", "csat", "attendance", "shopify_sync_status",
        "delivery_time_hours", "first_response_minutes", "ticket_resolved", "deal_cycle_days",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> LastReading = new[] { "active_dealers" }.ToFrozenSet(StringComparer.Ordinal);

    public static MetricAggregate For(string metric) =>
        LastReading.Contains(metric) ? MetricAggregate.Last : Averaged.Contains(metric) ? MetricAggregate.Avg : MetricAggregate.Sum;
}
