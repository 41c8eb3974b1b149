using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Api.Dashboards;

public sealed class DashboardsApiTests(AnalyticsAppFactory app) : IClassFixture<AnalyticsAppFactory>
{
    /// <summary>The seed's "Create Dashboard" request body, verbatim.</summary>
    private const string SeedBody = """
        {
          "name": "Operations Overview",
          "description": "Daily operations KPIs",
          "shared_with": ["admin", "operator"],
          "widgets": [
            {
              "type": "kpi_card",
              "title": "Orders Today",
              "metric": "order_count",
              "module": "fulfillment",
              "period": "today",
              "position": { "x": 0, "y": 0, "w": 3, "h": 2 }
            },
            {
              "type": "line_chart",
              "title": "Weekly Revenue",
              "metric": "order_value",
              "module": "fulfillment",
              "period": "7d",
              "group_by": "day",
              "position": { "x": 3, "y": 0, "w": 9, "h": 4 }
            }
          ]
        }
        """;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<(HttpClient Client, string Slug)> TenantAsync(string slug, string role = Roles.Admin, ApiKeyScope scope = ApiKeyScope.Write)
    {
        var (_, key) = await app.CreateTenantAsync(slug, scope, role);
        return (app.CreateClient(key), slug);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_seeds_create_body_works_verbatim_and_reads_back_in_snake_case()
    {
        var (client, slug) = await TenantAsync("seed");

        var created = await client.PostAsync($"/api/{slug}/dashboards", Json(SeedBody));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetInt64();
        Assert.Equal($"/api/{slug}/dashboards/{id}", created.Headers.Location?.ToString());

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/{slug}/dashboards/{id}");
        Assert.Equal("Operations Overview", read.GetProperty("name").GetString());
        Assert.Equal(["admin", "operator"], read.GetProperty("shared_with").EnumerateArray().Select(r => r.GetString()));
        var widgets = read.GetProperty("widgets").EnumerateArray().ToList();
        Assert.Equal(["kpi_card", "line_chart"], widgets.Select(w => w.GetProperty("type").GetString()));
        Assert.Equal("day", widgets[1].GetProperty("group_by").GetString());
        Assert.Equal(9, widgets[1].GetProperty("position").GetProperty("w").GetInt32());

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/{slug}/dashboards");
        Assert.Contains(list.GetProperty("dashboards").EnumerateArray(), d => d.GetProperty("id").GetInt64() == id);
        var seed000 = await client.GetFromJsonAsync<JsonElement>("/api/analytics/dashboards");
        Assert.Contains(seed000.GetProperty("dashboards").EnumerateArray(), d => d.GetProperty("sharedWith").GetArrayLength() == 2);
    }

    [Fact]
    public async Task Widgets_are_added_moved_and_removed_and_the_layout_patch_saves_positions()
    {
        var (client, slug) = await TenantAsync("widgets");
        var id = (await (await client.PostAsync($"/api/{slug}/dashboards", Json(SeedBody))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var added = await client.PostAsync($"/api/{slug}/dashboards/{id}/widgets", Json("""
            { "type": "geo_map", "title": "Where", "metric": "order_value", "by": "country", "period": "30d", "position": { "x": 0, "y": 4, "w": 6, "h": 5 } }
            """));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var widgetId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var patched = await client.PatchAsync($"/api/{slug}/widgets/{widgetId}", Json("""{ "title": "Customers by country", "position": { "x": 6, "y": 4, "w": 6, "h": 5 } }"""));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var layout = await client.PatchAsync($"/api/{slug}/dashboards/{id}", Json($$"""{ "widgets": [ { "id": {{widgetId}}, "position": { "x": 0, "y": 9, "w": 12, "h": 5 } } ] }"""));
        Assert.Equal(HttpStatusCode.OK, layout.StatusCode);
        var widget = (await layout.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("widgets").EnumerateArray().Single(w => w.GetProperty("id").GetInt64() == widgetId);
        Assert.Equal("Customers by country", widget.GetProperty("title").GetString());
        Assert.Equal(12, widget.GetProperty("position").GetProperty("w").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/{slug}/widgets/{widgetId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/{slug}/widgets/{widgetId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/{slug}/dashboards/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/{slug}/dashboards/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("""{ "name": "" }""", "name")]
    [InlineData("""{ "name": "X", "shared_with": ["owner"] }""", "shared_with")]
    [InlineData("""{ "name": "X", "widgets": [ { "type": "sparkles", "title": "T", "metric": "m" } ] }""", "widgets[0].type")]
    [InlineData("""{ "name": "X", "widgets": [ { "type": "kpi_card", "title": "T", "metric": "m", "position": { "x": 8, "y": 0, "w": 6, "h": 2 } } ] }""", "widgets[0].position.w")]
    [InlineData("""{ "name": "X", "widgets": [ { "type": "kpi_card", "title": "T", "metric": "m", "period": "fortnight" } ] }""", "widgets[0].period")]
    [InlineData("""{ "name": "X", "colour": "red" }""", "colour")]
    [InlineData("""{ "name": 42 }""", "name")]
    public async Task Bad_dashboards_are_bad_requests_naming_the_field(string body, string field)
    {
        var (client, slug) = await TenantAsync("bad");
        var response = await client.PostAsync($"/api/{slug}/dashboards", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/{slug}/dashboards")).GetProperty("dashboards").EnumerateArray());
    }

    [Fact]
    public async Task Roles_and_scopes_are_enforced_with_403_for_visible_and_404_for_invisible()
    {
        var (admin, slug) = await TenantAsync("roles");
        var id = (await (await admin.PostAsync($"/api/{slug}/dashboards", Json(SeedBody))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var (_, operatorKey) = await app.CreateTenantAsync(slug, ApiKeyScope.Write, Roles.Operator);
        var (_, dealerKey) = await app.CreateTenantAsync(slug, ApiKeyScope.Write, Roles.Dealer);
        var (_, readKey) = await app.CreateTenantAsync(slug, ApiKeyScope.Read, Roles.Admin);
        var op = app.CreateClient(operatorKey);
        var dealer = app.CreateClient(dealerKey);
        var reader = app.CreateClient(readKey);

        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync($"/api/{slug}/dashboards/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PatchAsync($"/api/{slug}/dashboards/{id}", Json("""{ "name": "Mine now" }"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.DeleteAsync($"/api/{slug}/dashboards/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PostAsync($"/api/{slug}/dashboards", Json("""{ "name": "New" }"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dealer.GetAsync($"/api/{slug}/dashboards/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dealer.DeleteAsync($"/api/{slug}/dashboards/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/{slug}/dashboards/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.DeleteAsync($"/api/{slug}/dashboards/{id}")).StatusCode);
        Assert.Equal("Operations Overview", (await admin.GetFromJsonAsync<JsonElement>($"/api/{slug}/dashboards/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Another_tenants_dashboard_and_widget_ids_are_not_found()
    {
        var (victim, victimSlug) = await TenantAsync("victim-dash");
        var body = await (await victim.PostAsync($"/api/{victimSlug}/dashboards", Json(SeedBody))).Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetInt64();
        var widgetId = body.GetProperty("widgets")[0].GetProperty("id").GetInt64();
        var (attacker, slug) = await TenantAsync("attacker-dash");

        Assert.Equal(HttpStatusCode.NotFound, (await attacker.GetAsync($"/api/{slug}/dashboards/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await attacker.PatchAsync($"/api/{slug}/dashboards/{id}", Json("""{ "name": "Pwned" }"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await attacker.PatchAsync($"/api/{slug}/widgets/{widgetId}", Json("""{ "title": "Pwned" }"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await attacker.DeleteAsync($"/api/{slug}/widgets/{widgetId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await attacker.GetAsync($"/api/{victimSlug}/dashboards/{id}")).StatusCode);
        Assert.Equal("Operations Overview", (await victim.GetFromJsonAsync<JsonElement>($"/api/{victimSlug}/dashboards/{id}")).GetProperty("name").GetString());
    }
}
