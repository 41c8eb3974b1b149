using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Api.Dashboards;

public sealed class DashboardPdfApiTests(AnalyticsAppFactory app) : IClassFixture<AnalyticsAppFactory>
{
    private const string Dashboard = """
        {
          "name": "Ops Übersicht € Ø",
          "description": "Orders and where they go",
          "shared_with": ["manager"],
          "widgets": [
            { "type": "kpi_card", "title": "Orders", "metric": "order_count", "module": "fulfillment", "period": "7d", "position": { "x": 0, "y": 0, "w": 3, "h": 2 } },
            { "type": "line_chart", "title": "Revenue by day", "metric": "order_value", "module": "fulfillment", "period": "7d", "group_by": "day", "position": { "x": 0, "y": 2, "w": 12, "h": 4 } },
            { "type": "geo_map", "title": "Revenue by country", "metric": "order_value", "period": "7d", "by": "country", "position": { "x": 0, "y": 6, "w": 6, "h": 4 } },
            { "type": "pie_chart", "title": "Channels", "metric": "order_value", "period": "7d", "by": "channel", "position": { "x": 6, "y": 6, "w": 6, "h": 4 } },
            { "type": "data_table", "title": "Orders per day", "metric": "order_count", "period": "7d", "position": { "x": 0, "y": 10, "w": 12, "h": 4 } }
          ]
        }
        """;

    private async Task<(string Slug, long Id)> DashboardWithOrdersAsync(string slug)
    {
        var (_, key) = await app.CreateTenantAsync(slug);
        var admin = app.CreateClient(key);
        var now = SuiteClock.Now.UtcDateTime;
        var events = new List<object>();
        foreach (var (country, channel, value) in new[] { ("DE", "web", 120.0), ("NO", "dealer", 80.0), ("DE", "web", 40.0), ("US", "direct", 300.0) })
        {
            events.Add(new { name = "order_value", value, module = "fulfillment", dimensions = new Dictionary<string, string> { ["country"] = country, ["channel"] = channel }, timestamp = now.AddHours(-2) });
            events.Add(new { name = "order_count", value = 1.0, module = "fulfillment", timestamp = now.AddHours(-2) });
        }
        Assert.True((await admin.PostAsJsonAsync($"/api/{slug}/metrics", events)).IsSuccessStatusCode);
        var created = await admin.PostAsync($"/api/{slug}/dashboards", new StringContent(Dashboard, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (slug, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task A_viewer_downloads_the_dashboard_as_a_pdf_of_its_widgets()
    {
        var (slug, id) = await DashboardWithOrdersAsync("pdf-view");
        var (_, managerKey) = await app.CreateTenantAsync(slug, ApiKeyScope.Read, Roles.Manager);

        var response = await app.CreateClient(managerKey).GetAsync($"/api/{slug}/dashboards/{id}/pdf?range=30d");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.StartsWith("ops-bersicht", response.Content.Headers.ContentDisposition?.FileNameStar);
        var text = await PdfText.ExtractAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Ops Übersicht € Ø", text);
        Assert.Contains("Last 30 days:", text);
        Assert.Contains("Revenue by day", text);
        // The KPI card's figure, the geo map as a ranked table (US 300, DE 160, NO 80) and the table's total.
        Assert.Matches(@"Orders\s", text);
        // The card's own period is 7d; under the dashboard's range it says the range it shows.
        Assert.Matches(@"Orders\s+Last 30 days\s", text);
        Assert.Matches(@"1\s+US\s+\$300\.00\s+55\.6 %\s+1", text);
        Assert.Matches(@"2\s+DE\s+\$160\.00\s+29\.6 %\s+2", text);
        Assert.Contains("Channels", text);
        Assert.Contains("Orders per day", text);
    }

    [Fact]
    public async Task A_widget_that_keeps_its_period_keeps_it_under_the_dashboard_range_and_says_so()
    {
        var (slug, id) = await DashboardWithOrdersAsync("pdf-fixed");
        var admin = app.CreateClient((await app.CreateTenantAsync(slug)).Key);
        var widgetBody = """
            { "type": "kpi_card", "title": "Sales today", "metric": "order_count", "module": "fulfillment", "period": "today", "fixed_period": true,
              "position": { "x": 3, "y": 0, "w": 3, "h": 2 } }
            """;
        var added = await admin.PostAsync($"/api/{slug}/dashboards/{id}/widgets", new StringContent(widgetBody, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        Assert.True((await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fixed_period").GetBoolean());

        var text = await PdfText.ExtractAsync(await admin.GetByteArrayAsync($"/api/{slug}/dashboards/{id}/pdf?range=90d"));

        // The cards stand side by side: the other card follows the range, the fixed one shows today and says it keeps its period.
        Assert.Matches(@"Orders\s+Sales today\s+Last 90 days\s+Today \(fixed\)", text);
    }

    [Fact]
    public async Task Another_tenant_or_a_role_it_is_not_shared_with_gets_a_404()
    {
        var (slug, id) = await DashboardWithOrdersAsync("pdf-private");
        var (_, operatorKey) = await app.CreateTenantAsync(slug, ApiKeyScope.Read, Roles.Operator);
        var (_, otherKey) = await app.CreateTenantAsync("pdf-other");

        var notShared = await app.CreateClient(operatorKey).GetAsync($"/api/{slug}/dashboards/{id}/pdf");
        var otherTenantOwnPath = await app.CreateClient(otherKey).GetAsync($"/api/pdf-other/dashboards/{id}/pdf");
        var otherTenantTheirPath = await app.CreateClient(otherKey).GetAsync($"/api/{slug}/dashboards/{id}/pdf");

        Assert.Equal(HttpStatusCode.NotFound, notShared.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherTenantOwnPath.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherTenantTheirPath.StatusCode);
    }

    [Fact]
    public async Task An_unknown_range_is_a_400()
    {
        var (slug, id) = await DashboardWithOrdersAsync("pdf-range");
        var (_, key) = await app.CreateTenantAsync(slug);

        var response = await app.CreateClient(key).GetAsync($"/api/{slug}/dashboards/{id}/pdf?range=forever");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("range", out _));
    }
}
