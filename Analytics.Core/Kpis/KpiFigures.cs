using Analytics.Core.Errors;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using static Analytics.Core.Kpis.KpiFigureFormat;

namespace Analytics.Core.Kpis;

/// <summary>
/// The KPIs a dashboard can hold: a <c>kpi_card</c> widget whose metric is <c>kpi.&lt;area&gt;.&lt;figure&gt;</c> shows the
/// figure over the widget's period with its change against the previous equal period.
/// </summary>
public sealed class KpiFigures(KpiAreas areas, TenantDirectory tenants)
{
    public const string Prefix = "kpi.";

    public static readonly IReadOnlyList<KpiFigure> All =
    [
        new("kpi.revenue.total_revenue", "revenue", "Total revenue", KpiFigureFormat.Money, true, r => (double)((RevenueReport)r).Summary.TotalRevenue),
        new("kpi.revenue.mrr", "revenue", "MRR", KpiFigureFormat.Money, true, r => (double)((RevenueReport)r).Summary.Mrr),
        new("kpi.revenue.arr", "revenue", "ARR", KpiFigureFormat.Money, true, r => (double)((RevenueReport)r).Summary.Arr),
        new("kpi.revenue.avg_order_value", "revenue", "Average order value", KpiFigureFormat.Money, true, r => (double)((RevenueReport)r).Summary.AvgOrderValue),
        new("kpi.revenue.refunds", "revenue", "Refunds", KpiFigureFormat.Money, false, r => (double)((RevenueReport)r).Summary.Refunds),
        new("kpi.revenue.net_revenue", "revenue", "Net revenue", KpiFigureFormat.Money, true, r => (double)((RevenueReport)r).Summary.NetRevenue),
        new("kpi.sales.win_rate", "sales", "Win rate", Percent, true, r => ((SalesReport)r).WinRate),
        new("kpi.sales.avg_deal_size", "sales", "Average deal size", KpiFigureFormat.Money, true, r => (double)((SalesReport)r).AvgDealSize),
        new("kpi.sales.avg_cycle_days", "sales", "Average sales cycle (days)", Number, false, r => ((SalesReport)r).AvgCycledays),
        new("kpi.sales.leads", "sales", "Leads", Number, true, r => ((SalesReport)r).Funnel[0].Count),
        new("kpi.sales.won", "sales", "Deals won", Number, true, r => ((SalesReport)r).Funnel[^1].Count),
        new("kpi.customers.new_customers", "customers", "New customers", Number, true, r => ((CustomersReport)r).NewCustomers),
        new("kpi.customers.churned_customers", "customers", "Churned customers", Number, false, r => ((CustomersReport)r).ChurnedCustomers),
        new("kpi.customers.net_growth", "customers", "Net customer growth", Number, true, r => ((CustomersReport)r).NetGrowth),
        new("kpi.customers.avg_ltv", "customers", "Average LTV", KpiFigureFormat.Money, true, r => (double?)((CustomersReport)r).AvgLtv),
        new("kpi.customers.cac", "customers", "CAC", KpiFigureFormat.Money, false, r => (double?)((CustomersReport)r).Cac),
        new("kpi.customers.ltv_cac_ratio", "customers", "LTV : CAC", Number, true, r => ((CustomersReport)r).LtvCacRatio),
        new("kpi.customers.retention_rate", "customers", "Retention", Percent, true, r => ((CustomersReport)r).RetentionRate),
        new("kpi.inventory.stock_units", "inventory", "Units in stock", Number, true, r => ((InventoryReport)r).StockUnits),
        new("kpi.inventory.stock_value", "inventory", "Stock value", KpiFigureFormat.Money, true, r => (double?)((InventoryReport)r).StockValue),
        new("kpi.inventory.low_stock_alerts", "inventory", "Low-stock alerts", Number, false, r => ((InventoryReport)r).LowStockAlerts),
        new("kpi.inventory.receiving_volume", "inventory", "Units received", Number, true, r => ((InventoryReport)r).ReceivingVolume),
        new("kpi.inventory.days_of_cover", "inventory", "Days of cover", Number, true, r => ((InventoryReport)r).DaysOfCover),
        new("kpi.hr.headcount", "hr", "Headcount", Number, true, r => ((HrReport)r).Headcount),
        new("kpi.hr.hires", "hr", "Hires", Number, true, r => ((HrReport)r).Hires),
        new("kpi.hr.terminations", "hr", "Terminations", Number, false, r => ((HrReport)r).Terminations),
        new("kpi.hr.turnover", "hr", "Turnover", Percent, false, r => ((HrReport)r).Turnover),
        new("kpi.hr.attendance_rate", "hr", "Attendance", Percent, true, r => ((HrReport)r).AttendanceRate),
        new("kpi.support.opened", "support", "Tickets opened", Number, false, r => ((SupportReport)r).Opened),
        new("kpi.support.backlog", "support", "Open backlog", Number, false, r => ((SupportReport)r).Backlog),
        new("kpi.support.avg_resolution_hours", "support", "Resolution (hours)", Number, false, r => ((SupportReport)r).AvgResolutionHours),
        new("kpi.support.avg_first_response_minutes", "support", "First response (minutes)", Number, false, r => ((SupportReport)r).AvgFirstResponseMinutes),
        new("kpi.support.csat", "support", "CSAT", Number, true, r => ((SupportReport)r).Csat),
        new("kpi.marketing.spend", "marketing", "Marketing spend", KpiFigureFormat.Money, false, r => (double)((MarketingReport)r).Spend),
        new("kpi.marketing.conversions", "marketing", "Conversions", Number, true, r => ((MarketingReport)r).Conversions),
        new("kpi.marketing.cost_per_conversion", "marketing", "Cost per conversion", KpiFigureFormat.Money, false, r => (double?)((MarketingReport)r).CostPerConversion),
        new("kpi.marketing.open_rate", "marketing", "Email open rate", Percent, true, r => ((MarketingReport)r).OpenRate),
        new("kpi.marketing.click_rate", "marketing", "Email click rate", Percent, true, r => ((MarketingReport)r).ClickRate),
    ];

    public static KpiFigure? Find(string key) => All.FirstOrDefault(f => f.Key == key);

    /// <summary>The figure over [fromUtc, toUtc) and over the equal window before, in the tenant's currency.</summary>
    public async Task<KpiFigureValue> GetAsync(Caller caller, string key, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var figure = Find(key) ?? throw new NotFoundException($"No KPI '{key}'; see docs/kpis.md for the list.");
        var zone = (await tenants.GetAsync(caller.TenantId, ct)).Zone;
        string Day(DateTime utc) => DateOnly.FromDateTime(TimeBuckets.ToLocal(utc, zone)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var now = new KpiRequest(Day(fromUtc), Day(toUtc.AddTicks(-1)), "day");
        var before = new KpiRequest(Day(fromUtc - (toUtc - fromUtc)), Day(fromUtc.AddTicks(-1)), "day");
        var current = await areas.ReportAsync(figure.Area, caller, now, ct);
        var previous = await areas.ReportAsync(figure.Area, caller, before, ct);
        var currency = KpiAreas.CurrencyOf(current);
        var problems = new[] { current, previous }.OfType<IKpiReport>().SelectMany(r => r.Problems).DistinctBy(p => p.Metric).ToList();
        return new KpiFigureValue(figure, figure.Read(current), figure.Read(previous), currency) { Problems = problems };
    }
}
