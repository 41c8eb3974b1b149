using Analytics.Core.Metrics;

namespace Analytics.Core.Insights;

/// <summary>How the conventions of DESIGN.md add up per day: amounts in a currency, averages of readings, or sums.</summary>
public static class MetricKinds
{
    /// <summary>Amount metrics with a <c>currency</c> dimension (or the tenant's currency): converted before they are compared.</summary>
    public static readonly IReadOnlySet<string> Money = new HashSet<string>(StringComparer.Ordinal)
    {
        "order_value", "refund_amount", "subscription_revenue", "marketing_spend", "deal_stage",
    };

    /// <summary>Readings whose day is their average (scores, durations, rates, 1/0 statuses); every other metric is summed.</summary>
    public static readonly IReadOnlySet<string> Averaged = new HashSet<string>(StringComparer.Ordinal)
    {
        "oee", "csat", "attendance", "first_response_minutes", "ticket_resolved", "delivery_time_hours", "deal_cycle_days",
        "shopify_sync_status", "machine_uptime",
    };

    public static MetricAggregate DailyAggregate(string metric) => Averaged.Contains(metric) ? MetricAggregate.Avg : MetricAggregate.Sum;

    /// <summary>The names people read: <c>order_value</c> is revenue, the rest are spelled out.</summary>
    public static string Label(string metric) => metric switch
    {
        "order_value" => "Revenue",
        "refund_amount" => "Refunds",
        "order_count" => "Orders",
        "csat" => "CSAT",
        "oee" => "OEE",
        _ => char.ToUpperInvariant(metric[0]) + metric[1..].Replace('_', ' '),
    };
}
