using Analytics.Core.Metrics;

namespace Analytics.Core.Insights;

/// <summary>How metrics read in insights: amounts in a currency, a day's figure (<see cref="MetricConventions"/>) and their names.</summary>
public static class MetricKinds
{
    /// <summary>Amount metrics with a <c>currency</c> dimension (or the tenant's currency): converted before they are compared.</summary>
    public static bool IsMoney(string metric) => MetricConventions.For(metric).IsMoney;

    public static MetricAggregate DailyAggregate(string metric) => MetricConventions.For(metric).DailyAggregate;

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
