namespace Analytics.Core.Metrics;

/// <summary>
/// The metric conventions of DESIGN.md as definitions: the meaning of every metric the demo and the KPIs use. A metric
/// not among them is taken for a counter without a unit.
/// </summary>
public static class MetricConventions
{
    private const string Money = MetricDefinition.CurrencyUnit;

    public static readonly IReadOnlyList<MetricDefinition> All =
    [
        Counter("order_value", "fulfillment", "Revenue of one order", Money),
        Counter("refund_amount", "fulfillment", "An amount refunded", Money, higherIsBetter: false),
        Counter("subscription_revenue", "sales", "Recurring revenue received", Money),
        Counter("deal_stage", "sales", "A deal's amount as it reaches a stage", Money),
        Gauge("deal_cycle_days", "sales", "Days from lead to a won deal", "d", higherIsBetter: false),
        Counter("customer_signup", "sales", "A new customer"),
        Counter("customer_churned", "sales", "A customer lost", higherIsBetter: false),
        Counter("marketing_spend", "campaign", "Money spent on a campaign", Money, higherIsBetter: false),
        Gauge("stock_level", "inventory", "Units in stock per sku and warehouse", "count", partsAdd: true),
        Counter("stock_received", "inventory", "Units received"),
        Counter("low_stock_alert", "inventory", "A sku below its reorder level", higherIsBetter: false),
        Gauge("headcount", "hr", "People employed per department", "count", partsAdd: true),
        Counter("hire", "hr", "A person hired"),
        Counter("termination", "hr", "A person leaving", higherIsBetter: false),
        Ratio("attendance", "hr", "Present (1) or absent (0)"),
        Counter("ticket_opened", "support", "A support ticket opened", higherIsBetter: false),
        Gauge("ticket_resolved", "support", "Hours a resolved ticket was open", "h", higherIsBetter: false),
        Gauge("first_response_minutes", "support", "Minutes to the first answer", "min", higherIsBetter: false),
        Gauge("csat", "support", "Satisfaction score from 1 to 5", "score"),
        Counter("email_sent", "campaign", "An email sent"),
        Counter("email_open", "campaign", "An email opened"),
        Counter("email_click", "campaign", "A click in an email"),
        Counter("conversion", "campaign", "A conversion"),
        Counter("unsubscribe", "campaign", "An unsubscription", higherIsBetter: false),
        Counter("order_count", "fulfillment", "An order (1 per order)"),
        Counter("orders_processed", "fulfillment", "An order processed"),
        Gauge("delivery_time_hours", "fulfillment", "Hours from order to delivery", "h", higherIsBetter: false),
        Counter("shipment_volume", "fulfillment", "Parcels shipped, per country"),
        Counter("points_earned", "rewards", "Reward points earned"),
        Counter("redemptions", "rewards", "Reward points redeemed"),
        new("active_dealers", MetricKind.Gauge, "count", MetricAggregate.Last, true, "rewards", "Dealers active, one reading for the whole network"),
        Ratio("oee", "mes", "Overall equipment effectiveness per line, 0–1"),
        Counter("machine_uptime", "mes", "Hours a line ran in a shift", "h"),
        Counter("alarm", "mes", "A machine alarm", higherIsBetter: false),
        Counter("products_published", "catalog", "A product published"),
        Counter("catalogs_generated", "catalog", "A catalog generated"),
        Ratio("shopify_sync_status", "catalog", "A Shopify sync that succeeded (1) or failed (0)"),
    ];

    private static readonly Dictionary<string, MetricDefinition> ByName = All.ToDictionary(d => d.Name, StringComparer.Ordinal);

    /// <summary>Whether the conventions name <paramref name="name"/>.</summary>
    public static bool IsNamed(string name) => ByName.ContainsKey(name);

    /// <summary>The convention for <paramref name="name"/>, or a counter without a unit for a metric the conventions do not name.</summary>
    public static MetricDefinition For(string name) =>
        ByName.GetValueOrDefault(name) ?? new MetricDefinition(name, MetricKind.Counter, null, MetricAggregate.Sum, true, null, "");

    private static MetricDefinition Counter(string name, string module, string description, string? unit = "count", bool higherIsBetter = true) =>
        new(name, MetricKind.Counter, unit, MetricAggregate.Sum, higherIsBetter, module, description);

    private static MetricDefinition Gauge(string name, string module, string description, string unit, bool higherIsBetter = true, bool partsAdd = false) =>
        new(name, MetricKind.Gauge, unit, MetricAggregate.Avg, higherIsBetter, module, description, partsAdd);

    private static MetricDefinition Ratio(string name, string module, string description) =>
        new(name, MetricKind.Ratio, "percent", MetricAggregate.Avg, true, module, description);
}
