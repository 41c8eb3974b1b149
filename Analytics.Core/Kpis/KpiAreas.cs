using Analytics.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Core.Kpis;

/// <summary>Each area's KPI report by the area's name, as seed 000's routes and its export name them.</summary>
public sealed class KpiAreas(IServiceProvider services)
{
    public static readonly IReadOnlyList<string> All = ["revenue", "sales", "products", "customers", "inventory", "hr", "support", "marketing"];

    /// <summary>The area's report over the request's window (the same answer as its <c>GET /api/analytics/{area}</c>).</summary>
    public async Task<object> ReportAsync(string area, Caller caller, KpiRequest request, CancellationToken ct) => area switch
    {
        "revenue" => await services.GetRequiredService<RevenueKpis>().GetAsync(caller, request, ct),
        "sales" => await services.GetRequiredService<SalesKpis>().GetAsync(caller, request, ct),
        "products" => await services.GetRequiredService<ProductKpis>().GetAsync(caller, request, ct),
        "customers" => await services.GetRequiredService<CustomerKpis>().GetAsync(caller, request, ct),
        "inventory" => await services.GetRequiredService<InventoryKpis>().GetAsync(caller, request, ct),
        "hr" => await services.GetRequiredService<HrKpis>().GetAsync(caller, request, ct),
        "support" => await services.GetRequiredService<SupportKpis>().GetAsync(caller, request, ct),
        "marketing" => await services.GetRequiredService<MarketingKpis>().GetAsync(caller, request, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(area), area, "Unknown KPI area."),
    };

    /// <summary>The currency a report's amounts are in; empty for an area without amounts.</summary>
    public static string CurrencyOf(object report) => report switch
    {
        RevenueReport r => r.Summary.Currency,
        SalesReport s => s.Currency,
        ProductsReport p => p.Currency,
        CustomersReport c => c.Currency,
        InventoryReport i => i.Currency,
        MarketingReport m => m.Currency,
        _ => "",
    };
}
