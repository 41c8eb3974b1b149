using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Api.Kpis;

public sealed class KpisApiTests(QuietAppFactory app) : IClassFixture<QuietAppFactory>
{
    private static string Day(int daysAgo) => SuiteClock.Today.AddDays(-daysAgo).ToString("yyyy-MM-dd");

    private static object Event(string name, double value, int daysAgo, Dictionary<string, string>? dimensions = null) => new
    {
        name, value, module = "sales", dimensions, timestamp = SuiteClock.Today.AddDays(-daysAgo).AddHours(6),
    };

    private static IEnumerable<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name);

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HttpClient> TenantWithDataAsync(string slug)
    {
        var (_, key) = await app.CreateTenantAsync(slug);
        var client = app.CreateClient(key);
        var events = new[]
        {
            Event("order_value", 100, 3, new() { ["product"] = "Desk", ["currency"] = "usd", ["channel"] = "web" }),
            Event("order_value", 50, 2, new() { ["product"] = "Lamp", ["currency"] = "eur" }),
            Event("refund_amount", 10, 2, new() { ["product"] = "Desk", ["currency"] = "usd" }),
            Event("subscription_revenue", 30, 2, new() { ["currency"] = "usd" }),
            Event("deal_stage", 1000, 3, new() { ["stage"] = "leads" }),
            Event("deal_stage", 1000, 2, new() { ["stage"] = "won" }),
            Event("deal_cycle_days", 12, 2),
            Event("customer_signup", 1, 2, new() { ["channel"] = "organic_search" }),
            Event("marketing_spend", 40, 2, new() { ["campaign"] = "search" }),
        };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/{slug}/metrics", events)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/analytics/exchange-rates", new { rates = new { eur = 0.5, gbp = 0.8 } })).StatusCode);
        return client;
    }

    [Fact]
    public async Task The_seed_examples_answer_with_the_seed_field_names()
    {
        var client = await TenantWithDataAsync("seedshape");
        var range = $"from={Day(5)}&to={Day(0)}";

        var revenue = await GetAsync(client, $"/api/analytics/revenue?{range}&groupBy=month");
        Assert.Superset(new HashSet<string> { "totalRevenue", "revenueGrowth", "mrr", "arr", "avgOrderValue", "currency" }, Names(revenue.GetProperty("summary")).ToHashSet());
        Assert.Superset(new HashSet<string> { "period", "revenue", "orders", "refunds" }, Names(revenue.GetProperty("timeSeries")[0]).ToHashSet());
        Assert.Superset(new HashSet<string> { "productName", "revenue", "units" }, Names(revenue.GetProperty("byProduct")[0]).ToHashSet());
        // 100 usd + 50 eur at 0.5 eur per usd.
        Assert.Equal(200, revenue.GetProperty("summary").GetProperty("totalRevenue").GetDecimal());
        Assert.Equal("usd", revenue.GetProperty("summary").GetProperty("currency").GetString());

        var sales = await GetAsync(client, $"/api/analytics/sales?{range}");
        Assert.Superset(new HashSet<string> { "funnel", "winRate", "avgDealSize", "avgCycledays" }, Names(sales).ToHashSet());
        Assert.Equal(["leads", "qualified", "proposal", "negotiation", "won"], sales.GetProperty("funnel").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
        Assert.Superset(new HashSet<string> { "stage", "count", "value" }, Names(sales.GetProperty("funnel")[0]).ToHashSet());

        var customers = await GetAsync(client, $"/api/analytics/customers?{range}");
        Assert.Superset(new HashSet<string> { "newCustomers", "churnedCustomers", "netGrowth", "avgLtv", "cac", "ltvCacRatio", "retentionRate", "byAcquisitionChannel" }, Names(customers).ToHashSet());
        Assert.Superset(new HashSet<string> { "channel", "customers", "percent" }, Names(customers.GetProperty("byAcquisitionChannel")[0]).ToHashSet());
        Assert.Equal(40, customers.GetProperty("cac").GetDecimal());

        foreach (var area in new[] { "products", "inventory", "hr", "support", "marketing" })
            await GetAsync(client, $"/api/analytics/{area}?{range}&groupBy=week&currency=eur");

        var euros = await GetAsync(client, $"/api/analytics/revenue?{range}&currency=eur");
        Assert.Equal(100, euros.GetProperty("summary").GetProperty("totalRevenue").GetDecimal());
        Assert.Equal("eur", euros.GetProperty("summary").GetProperty("currency").GetString());
    }

    [Theory]
    [InlineData("revenue?from=2026-13-01", HttpStatusCode.BadRequest, "from")]
    [InlineData("revenue?groupBy=year", HttpStatusCode.BadRequest, "groupBy")]
    [InlineData("sales?groupBy=hour", HttpStatusCode.BadRequest, "groupBy")]
    [InlineData("customers?currency=xyz", HttpStatusCode.BadRequest, "currency")]
    [InlineData("marketing?from=2026-03-01&to=2026-02-01", HttpStatusCode.UnprocessableEntity, null)]
    [InlineData("hr?from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z", HttpStatusCode.UnprocessableEntity, null)]
    [InlineData("revenue?from=2026-04-01&to=2026-03-31", HttpStatusCode.UnprocessableEntity, null)]
    public async Task Bad_parameters_get_the_seed_status_codes(string url, HttpStatusCode status, string? field)
    {
        var (_, key) = await app.CreateTenantAsync("statuses");

        var response = await app.CreateClient(key).GetAsync($"/api/analytics/{url}");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Without_a_key_it_is_401_and_an_operator_key_is_403()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/analytics/revenue")).StatusCode);

        var (_, key) = await app.CreateTenantAsync("roles", role: Roles.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClient(key).GetAsync("/api/analytics/revenue")).StatusCode);
    }

    [Fact]
    public async Task Rates_are_read_by_analysts_set_by_admins_and_checked()
    {
        var (_, admin) = await app.CreateTenantAsync("rates");
        var (_, analystKey) = await app.CreateTenantAsync("rates", role: Roles.Analyst);
        var client = app.CreateClient(admin);

        var bad = await client.PutAsJsonAsync("/api/analytics/exchange-rates", new { rates = new { euro = 1, gbp = 0 } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var unknownField = await client.PutAsJsonAsync("/api/analytics/exchange-rates", new { rates = new { eur = 1 }, extra = true });
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/analytics/exchange-rates", new { rates = new { eur = 0.92 } })).StatusCode);

        var analyst = app.CreateClient(analystKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PutAsJsonAsync("/api/analytics/exchange-rates", new { rates = new { eur = 1 } })).StatusCode);
        var rates = await GetAsync(analyst, "/api/analytics/exchange-rates");
        Assert.Equal("usd", rates.GetProperty("baseCurrency").GetString());
        Assert.Equal(0.92m, rates.GetProperty("rates").GetProperty("eur").GetDecimal());
        Assert.Equal(1m, rates.GetProperty("rates").GetProperty("usd").GetDecimal());
    }
}
