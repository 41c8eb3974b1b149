using Analytics.Core.Metrics;

namespace Analytics.Core.Insights;

/// <summary>How metrics are named in insights.</summary>
public static class MetricKinds
{
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
