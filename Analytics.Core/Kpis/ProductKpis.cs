using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using static Analytics.Core.Kpis.KpiWindow;

namespace Analytics.Core.Kpis;

/// <summary>Product performance from <c>order_value</c> and <c>refund_amount</c> by their <c>product</c> dimension.</summary>
public sealed class ProductKpis(KpiReader reader)
{
    public async Task<ProductsReport> GetAsync(Caller caller, KpiRequest request, CancellationToken ct)
    {
        var w = await reader.OpenAsync(caller, request, ct);
        var previous = w.Previous();
        var revenue = await w.MoneyAsync("order_value", MetricGrouping.Quarter, ct);
        var now = await w.MoneyByAsync("order_value", "product", ct);
        var refunds = (await w.MoneyByAsync("refund_amount", "product", ct)).ToDictionary(r => r.Value, r => r.Amount);
        var earlier = (await previous.MoneyByAsync("order_value", "product", ct)).ToDictionary(r => r.Value, r => r.Amount);
        var names = now.Select(p => p.Value).Union(refunds.Keys).ToList();
        var products = names.Select(name =>
            {
                var sold = now.FirstOrDefault(p => p.Value == name);
                var amount = sold.Amount;
                return new ProductPerformance(name, Cents(amount), sold.Count, Cents(refunds.GetValueOrDefault(name)),
                    Growth(amount, earlier.GetValueOrDefault(name)), Ratio(amount, revenue.Total));
            })
            .OrderByDescending(p => p.Revenue).ThenBy(p => p.ProductName, StringComparer.Ordinal)
            .ToList();
        return new ProductsReport(products, Cents(revenue.Total), w.Currency) { Problems = w.Problems };
    }
}
