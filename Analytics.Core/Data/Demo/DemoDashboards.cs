using Analytics.Core.Dashboards;
using Analytics.Core.Tenancy;

namespace Analytics.Core.Data.Demo;

/// <summary>The four demo dashboards, one per audience, in the wire shape the API takes.</summary>
public static class DemoDashboards
{
    private static WidgetInput W(string type, string title, string metric, string module, string period, int x, int y, int w, int h,
        string groupBy = "day", string agg = "sum", string? by = null, bool higherIsBetter = true, bool fixedPeriod = false) =>
        new(type, title, metric, module, period, GroupBy: groupBy, Agg: agg, By: by, HigherIsBetter: higherIsBetter, Position: new WidgetPosition(x, y, w, h),
            FixedPeriod: fixedPeriod);

    /// <summary>Each dashboard with the role of the demo user who owns it; admins share them afterwards.</summary>
    public static readonly IReadOnlyList<(string OwnerRole, DashboardInput Dashboard)> All =
    [
        // The seed's "Create Dashboard" example, grown into a full operations view.
        (Roles.Admin, new("Operations Overview", "Daily operations KPIs", [Roles.Admin, Roles.Operator],
        [
            // Its title names its period: a dashboard range does not move it.
            W(WidgetTypes.KpiCard, "Orders Today", "order_count", "fulfillment", "today", 0, 0, 3, 2, fixedPeriod: true),
            W(WidgetTypes.LineChart, "Weekly Revenue", "order_value", "fulfillment", "7d", 3, 0, 9, 4),
            W(WidgetTypes.KpiCard, "Open tickets (30 days)", "ticket_opened", "support", "30d", 0, 2, 3, 2, higherIsBetter: false),
            W(WidgetTypes.GeoMap, "Shipments by country", "shipment_volume", "fulfillment", "30d", 0, 4, 6, 5, by: "country"),
            W(WidgetTypes.BarChart, "Tickets by channel", "ticket_opened", "support", "30d", 6, 4, 6, 5, by: "channel"),
            W(WidgetTypes.LineChart, "Average delivery time (hours)", "delivery_time_hours", "fulfillment", "90d", 0, 9, 6, 4, "week", "avg"),
            W(WidgetTypes.AreaChart, "Machine uptime by line", "machine_uptime", "mes", "30d", 6, 9, 6, 4, by: "line"),
        ])),
        (Roles.Analyst, new("Sales", "Revenue, products and channels", [Roles.Analyst],
        [
            W(WidgetTypes.KpiCard, "Revenue, last 30 days", "order_value", "fulfillment", "30d", 0, 0, 4, 3),
            W(WidgetTypes.LineChart, "Revenue by day", "order_value", "fulfillment", "90d", 4, 0, 8, 4),
            W(WidgetTypes.BarChart, "Revenue by product", "order_value", "fulfillment", "90d", 0, 4, 6, 5, by: "product"),
            W(WidgetTypes.DonutChart, "Revenue by channel", "order_value", "fulfillment", "90d", 6, 4, 6, 5, by: "channel"),
            W(WidgetTypes.DataTable, "Revenue by country", "order_value", "fulfillment", "90d", 0, 9, 12, 6, by: "country"),
        ])),
        (Roles.Admin, new("Executive KPIs", "The business at a glance", [Roles.Manager],
        [
            W(WidgetTypes.KpiCard, "Revenue this quarter", "order_value", "fulfillment", "qtd", 0, 0, 3, 3),
            W(WidgetTypes.KpiCard, "New customers (30 days)", "customer_signup", "sales", "30d", 3, 0, 3, 3),
            W(WidgetTypes.KpiCard, "Average CSAT (30 days)", "csat", "support", "30d", 6, 0, 3, 3, agg: "avg"),
            W(WidgetTypes.KpiCard, "Refunds (30 days)", "refund_amount", "fulfillment", "30d", 9, 0, 3, 3, higherIsBetter: false),
            W(WidgetTypes.LineChart, "Revenue by month", "order_value", "fulfillment", "12m", 0, 3, 8, 4, "month"),
            W(WidgetTypes.PieChart, "Signups by channel", "customer_signup", "sales", "12m", 8, 3, 4, 4, by: "channel"),
        ])),
        (Roles.Admin, new("Dealer Rewards", "Points, redemptions and active dealers", [Roles.Dealer],
        [
            W(WidgetTypes.KpiCard, "Points earned (30 days)", "points_earned", "rewards", "30d", 0, 0, 4, 3),
            W(WidgetTypes.KpiCard, "Active dealers", "active_dealers", "rewards", "30d", 4, 0, 4, 3, agg: "last"),
            W(WidgetTypes.KpiCard, "Redemptions (30 days)", "redemptions", "rewards", "30d", 8, 0, 4, 3),
            W(WidgetTypes.AreaChart, "Points earned by week", "points_earned", "rewards", "90d", 0, 3, 12, 4, "week"),
        ])),
    ];
}
