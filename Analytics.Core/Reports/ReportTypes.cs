namespace Analytics.Core.Reports;

/// <summary>
/// Seed 000's export report types and the metric series behind each area (DESIGN.md's conventions table). Products
/// export the order series until the KPI endpoints give per-product figures.
/// </summary>
public static class ReportTypes
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Metrics = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["revenue"] = ["order_value", "order_count", "refund_amount", "subscription_revenue"],
        ["sales"] = ["deal_stage", "deal_cycle_days"],
        ["products"] = ["order_value", "order_count", "products_published"],
        ["customers"] = ["customer_signup", "customer_churned", "marketing_spend"],
        ["inventory"] = ["stock_level", "stock_received", "low_stock_alert"],
        ["hr"] = ["headcount", "hire", "termination", "attendance"],
        ["support"] = ["ticket_opened", "ticket_resolved", "first_response_minutes", "csat"],
        ["marketing"] = ["email_sent", "email_open", "email_click", "conversion", "unsubscribe", "marketing_spend"],
    };

    public static IEnumerable<string> All => Metrics.Keys;
}
