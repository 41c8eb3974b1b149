using Analytics.Core.Kpis;

namespace Analytics.Web.Api.Kpis;

/// <summary>Seed 000's KPI routes under <c>/api/analytics</c> and the tenant's exchange rates; the figures come from the <c>Kpis</c> services of Core.</summary>
public static class KpisApi
{
    public static IEndpointRouteBuilder MapKpisApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapAnalyticsApi().WithTags("Analytics");
        Map<RevenueKpis, RevenueReport>(api, "/revenue", "Revenue", "Revenue metrics (time-series), by product.", (s, c, r, ct) => s.GetAsync(c, r, ct));
        Map<SalesKpis, SalesReport>(api, "/sales", "Sales", "Sales funnel and pipeline.", (s, c, r, ct) => s.GetAsync(c, r, ct));
        Map<ProductKpis, ProductsReport>(api, "/products", "Products", "Product performance.", (s, c, r, ct) => s.GetAsync(c, r, ct));
        Map<CustomerKpis, CustomersReport>(api, "/customers", "Customers", "Customer acquisition and LTV.", (s, c, r, ct) => s.GetAsync(c, r, ct));
        Map<InventoryKpis, InventoryReport>(api, "/inventory", "Inventory", "Inventory health metrics.", (s, c, r, ct) => s.GetAsync(c, r, ct));
        Map<HrKpis, HrReport>(api, "/hr", "Hr", "HR headcount and attendance.", (s, c, r, ct) => s.GetAsync(c, r, ct));
        Map<SupportKpis, SupportReport>(api, "/support", "Support", "Helpdesk KPIs.", (s, c, r, ct) => s.GetAsync(c, r, ct));
        Map<MarketingKpis, MarketingReport>(api, "/marketing", "Marketing", "Campaign and email metrics.", (s, c, r, ct) => s.GetAsync(c, r, ct));

        api.MapGet("/exchange-rates", async (HttpContext http, ExchangeRateService rates, CancellationToken ct) =>
                AnalyticsApi.Json(ExchangeRatesResponse.From(await rates.GetAsync(http.Caller(), ct))))
            .WithName("GetExchangeRates").WithSummary("The tenant's exchange rates: units of each currency per unit of its own.")
            .Produces<ExchangeRatesResponse>().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPut("/exchange-rates", async (HttpContext http, ExchangeRateService rates, CancellationToken ct) =>
            {
                var body = await ApiBody.ReadAsync<ExchangeRatesBody>(http.Request, ct);
                var inputs = (body.Rates ?? []).Select(r => new ExchangeRateInput(r.Key, r.Value)).ToList();
                return AnalyticsApi.Json(ExchangeRatesResponse.From(await rates.SetAsync(http.Caller(), inputs, ct)));
            })
            .WithName("SetExchangeRates").WithSummary("Add or change exchange rates (admin).")
            .Produces<ExchangeRatesResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>The common parameters of seed 000: <c>from</c>, <c>to</c>, <c>groupBy</c> (or <c>group_by</c>), <c>currency</c>.</summary>
    public static KpiRequest ParseRequest(IQueryCollection q) =>
        new(q["from"], q["to"], q.TryGetValue("groupBy", out var g) ? g.ToString() : q["group_by"].ToString(), q["currency"]);

    private static void Map<TService, TReport>(RouteGroupBuilder api, string path, string name, string summary,
        Func<TService, Core.Tenancy.Caller, KpiRequest, CancellationToken, Task<TReport>> get) where TService : notnull =>
        api.MapGet(path, async (HttpContext http, TService service, CancellationToken ct) =>
                AnalyticsApi.Json(await get(service, http.Caller(), ParseRequest(http.Request.Query), ct)))
            .WithName($"Get{name}Kpis").WithSummary(summary)
            .Produces<TReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
