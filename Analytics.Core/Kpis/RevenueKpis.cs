using Analytics.Core.Tenancy;
using static Analytics.Core.Kpis.KpiWindow;

namespace Analytics.Core.Kpis;

/// <summary>Revenue from <c>order_value</c>, <c>refund_amount</c> and <c>subscription_revenue</c> (formulas in docs/kpis.md).</summary>
public sealed class RevenueKpis(KpiReader reader)
{
    /// <summary>MRR is the subscription revenue of the 30 days that end with the window.</summary>
    public const int MrrDays = 30;

    public async Task<RevenueReport> GetAsync(Caller caller, KpiRequest request, CancellationToken ct)
    {
        var w = await reader.OpenAsync(caller, request, ct);
        var revenue = await w.MoneyAsync("order_value", ct: ct);
        var refunds = await w.MoneyAsync("refund_amount", ct: ct);
        var before = await w.Previous().MoneyAsync("order_value", ct: ct);
        var mrr = await w.Over(w.ToUtc.AddDays(-MrrDays), w.ToUtc, Metrics.MetricGrouping.Day).MoneyAsync("subscription_revenue", ct: ct);

        var series = revenue.Series.Data.Select((p, i) => new RevenuePeriod(p.Date, Cents(revenue.Values[i]), p.Count, Cents(refunds.Values[i]))).ToList();
        var products = (await w.MoneyByAsync("order_value", "product", ct))
            .Select(p => new ProductRevenue(p.Value, Cents(p.Amount), p.Count))
            .OrderByDescending(p => p.Revenue).ThenBy(p => p.ProductName, StringComparer.Ordinal)
            .ToList();
        var summary = new RevenueSummary(
            Cents(revenue.Total),
            Growth(revenue.Total, before.Total),
            Cents(mrr.Total),
            Cents(mrr.Total * 12),
            revenue.Count == 0 ? 0 : Cents(revenue.Total / revenue.Count),
            w.Currency,
            revenue.Count,
            Cents(refunds.Total),
            Cents(revenue.Total - refunds.Total));
        return new RevenueReport(summary, series, products) { Problems = w.Problems };
    }
}
