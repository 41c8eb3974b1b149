using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Api;

public sealed class ApiReferenceTests(AnalyticsAppFactory app) : IClassFixture<AnalyticsAppFactory>
{
    [Fact]
    public async Task The_openapi_document_lists_seed_000_routes_with_the_bearer_scheme_and_seed_examples()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();

        var paths = document.GetProperty("paths");
        foreach (var route in new[] { "revenue", "sales", "products", "customers", "inventory", "hr", "support", "marketing", "forecast", "anomalies", "dashboards" })
            Assert.True(paths.TryGetProperty($"/api/analytics/{route}", out _), route);
        Assert.True(paths.TryGetProperty("/api/{tenant}/metrics", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());

        var revenue = paths.GetProperty("/api/analytics/revenue").GetProperty("get");
        Assert.Equal(["from", "to", "groupBy", "currency"], revenue.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var example = revenue.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal(3780000, example.GetProperty("summary").GetProperty("totalRevenue").GetInt32());
        var summary = document.GetProperty("components").GetProperty("schemas").GetProperty("RevenueSummary").GetProperty("properties");
        Assert.True(summary.TryGetProperty("totalRevenue", out _));
        Assert.True(document.GetProperty("components").GetProperty("schemas").GetProperty("RevenueReport").GetProperty("properties").TryGetProperty("problems", out _));
    }

    [Fact]
    public async Task The_openapi_document_states_the_bound_of_an_events_value()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var record = document.GetProperty("paths").GetProperty("/api/{tenant}/metrics").GetProperty("post");
        Assert.Contains("between -1e15 and 1e15", record.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("[i].value", record.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reference_page_is_served()
    {
        var page = await app.CreateClient().GetAsync("/scalar/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Analytics API", await page.Content.ReadAsStringAsync());
    }
}
