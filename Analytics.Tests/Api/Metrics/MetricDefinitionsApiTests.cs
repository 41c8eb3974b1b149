using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Analytics.Core.Admin;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Api.Metrics;

/// <summary>
/// What a metric means is the tenant's to say: a metric seen for the first time is inferred as a counter without a
/// unit, an admin or analyst redefines it (validated, audited), and every query then follows the definition. Modules
/// start as the defaults and an admin adds more.
/// </summary>
public sealed class MetricDefinitionsApiTests(QuietAppFactory app) : IClassFixture<QuietAppFactory>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static JsonElement Definition(JsonElement list, string name) => list.EnumerateArray().Single(d => d.GetProperty("name").GetString() == name);

    /// <summary>A tenant whose boiler reports its temperature in °F twice a day, 60 and 80.</summary>
    private async Task<HttpClient> TenantWithReadingsAsync(string slug)
    {
        var (_, key) = await app.CreateTenantAsync(slug);
        var client = app.CreateClient(key);
        var readings = Enumerable.Range(0, 10).SelectMany(d => new[] { 60.0, 80.0 }.Select((v, i) => new
        {
            name = "temperature_f", value = v, module = "mes", timestamp = SuiteClock.Today.AddDays(-d - 1).AddHours(6 + 6 * i),
        }));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/{slug}/metrics", readings)).StatusCode);
        return client;
    }

    private static string Range => $"from={SuiteClock.Today.AddDays(-10):yyyy-MM-dd}&to={SuiteClock.Today.AddDays(-1):yyyy-MM-dd}";

    [Fact]
    public async Task A_new_metric_is_an_inferred_counter_until_it_is_defined_and_then_every_query_follows_the_definition()
    {
        var client = await TenantWithReadingsAsync("boiler");

        var list = await OkAsync(await client.GetAsync("/api/boiler/metrics/definitions"));
        var inferred = Definition(list, "temperature_f");
        Assert.Equal(("counter", "inferred", "sum"), (inferred.GetProperty("kind").GetString(), inferred.GetProperty("source").GetString(), inferred.GetProperty("aggregate").GetString()));
        Assert.Equal(JsonValueKind.Null, inferred.GetProperty("unit").ValueKind);
        Assert.Equal("convention", Definition(list, "order_value").GetProperty("source").GetString());
        Assert.Equal("currency", Definition(list, "order_value").GetProperty("unit").GetString());
        // As a counter, ten days of readings add up: nonsense for a temperature.
        var summed = await OkAsync(await client.GetAsync($"/api/boiler/metrics?name=temperature_f&group_by=month&{Range}"));
        Assert.Equal(1400, summed.GetProperty("summary").GetProperty("total").GetDouble());

        var defined = await OkAsync(await client.PutAsync("/api/boiler/metrics/definitions/temperature_f", Json("""
            { "kind": "gauge", "unit": "°F", "aggregate": "avg", "higher_is_better": false, "decimals": 1, "module": "mes", "description": "Boiler water temperature" }
            """)));
        Assert.Equal(("gauge", "°F", "edited"), (defined.GetProperty("kind").GetString(), defined.GetProperty("unit").GetString(), defined.GetProperty("source").GetString()));

        // A month of a gauge is its average reading, never the sum.
        var averaged = await OkAsync(await client.GetAsync($"/api/boiler/metrics?name=temperature_f&group_by=month&{Range}"));
        Assert.Equal("avg", averaged.GetProperty("agg").GetString());
        Assert.All(averaged.GetProperty("data").EnumerateArray().Where(p => p.GetProperty("count").GetInt64() > 0), p => Assert.Equal(70, p.GetProperty("value").GetDouble()));
        var again = Definition(await OkAsync(await client.GetAsync("/api/boiler/metrics/definitions")), "temperature_f");
        Assert.Equal("Boiler water temperature", again.GetProperty("description").GetString());
        Assert.Equal(1, again.GetProperty("decimals").GetInt32());

        // The change is in the audit log with the definition before and after.
        await using var scope = app.Services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().FindBySlugAsync("boiler", CancellationToken.None);
        var admin = new Caller(tenant!.Id, "boiler", null, new HashSet<string> { Roles.Admin }, false);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenant.Id);
        var audit = await scope.ServiceProvider.GetRequiredService<AuditLog>().ListAsync(admin, new AuditQuery(AuditActions.MetricDefinitionChanged), CancellationToken.None);
        var entry = Assert.Single(audit.Entries);
        Assert.Equal("temperature_f", entry.Target);
        Assert.Contains("counter", entry.Before, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("gauge", entry.After, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_amount_that_is_redefined_without_a_currency_is_no_longer_converted()
    {
        var (_, key) = await app.CreateTenantAsync("points");
        var client = app.CreateClient(key);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/points/metrics", new { name = "order_value", value = 10.0, module = "sales" })).StatusCode);
        Assert.Equal("usd", (await OkAsync(await client.GetAsync("/api/points/metrics?name=order_value"))).GetProperty("currency").GetString());

        await OkAsync(await client.PutAsync("/api/points/metrics/definitions/order_value", Json("""{ "kind": "counter", "unit": "count", "aggregate": "sum", "higher_is_better": true }""")));

        Assert.Equal(JsonValueKind.Null, (await OkAsync(await client.GetAsync("/api/points/metrics?name=order_value"))).GetProperty("currency").ValueKind);
    }

    [Theory]
    [InlineData("""{ "kind": "gauge", "aggregate": "sum", "higher_is_better": true }""", "aggregate")]
    [InlineData("""{ "kind": "ratio", "unit": "h", "aggregate": "avg", "higher_is_better": true }""", "unit")]
    [InlineData("""{ "kind": "level", "aggregate": "avg", "higher_is_better": true }""", "kind")]
    [InlineData("""{ "kind": "counter", "aggregate": "count", "higher_is_better": true }""", "aggregate")]
    [InlineData("""{ "kind": "counter", "aggregate": "sum" }""", "higher_is_better")]
    [InlineData("""{ "kind": "counter", "aggregate": "sum", "higher_is_better": true, "module": "nowhere" }""", "module")]
    [InlineData("""{ "kind": "counter", "aggregate": "sum", "higher_is_better": true, "decimals": 9 }""", "decimals")]
    [InlineData("""{ "kind": "counter", "aggregate": "sum", "higher_is_better": true, "unit": "a unit far too long" }""", "unit")]
    public async Task A_definition_that_makes_no_sense_is_refused_naming_the_field_and_nothing_changes(string body, string field)
    {
        var slug = $"bad-{Guid.NewGuid():N}"[..16];
        var client = await TenantWithReadingsAsync(slug);

        var response = await client.PutAsync($"/api/{slug}/metrics/definitions/temperature_f", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        var list = await OkAsync(await client.GetAsync($"/api/{slug}/metrics/definitions"));
        Assert.Equal("inferred", Definition(list, "temperature_f").GetProperty("source").GetString());
    }

    [Theory]
    [InlineData(Roles.Analyst, ApiKeyScope.Write, HttpStatusCode.OK)]
    [InlineData(Roles.Manager, ApiKeyScope.Write, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Admin, ApiKeyScope.Read, HttpStatusCode.Forbidden)]
    public async Task Admins_and_analysts_define_metrics(string role, ApiKeyScope scope, HttpStatusCode expected)
    {
        var slug = $"who-{role}-{scope}".ToLowerInvariant();
        await TenantWithReadingsAsync(slug);
        var (_, key) = await app.CreateTenantAsync(slug, scope, role);

        var response = await app.CreateClient(key).PutAsync($"/api/{slug}/metrics/definitions/temperature_f",
            Json("""{ "kind": "gauge", "aggregate": "avg", "higher_is_better": true }"""));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task An_admin_adds_a_module_and_events_widgets_and_reports_may_then_name_it()
    {
        var (_, key) = await app.CreateTenantAsync("fleet");
        var client = app.CreateClient(key);
        var trip = new { name = "trips", value = 1.0, module = "logistics" };
        var refused = await client.PostAsJsonAsync("/api/fleet/metrics", trip);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("module", await refused.Content.ReadAsStringAsync());

        var added = await client.PostAsync("/api/fleet/modules", Json("""{ "name": "logistics", "description": "Trucks and trips" }"""));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/fleet/modules", Json("""{ "name": "logistics" }"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/fleet/modules", Json("""{ "name": "Not A Name" }"""))).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/fleet/metrics", trip)).StatusCode);
        var modules = await OkAsync(await client.GetAsync("/api/fleet/modules"));
        Assert.Equal(10, modules.GetArrayLength());
        Assert.False(modules.EnumerateArray().Last().GetProperty("default").GetBoolean());
        var query = await OkAsync(await client.GetAsync("/api/fleet/metrics?name=trips&module=logistics"));
        Assert.Equal(1, query.GetProperty("summary").GetProperty("count").GetInt64());
        var report = await client.PostAsync("/api/fleet/reports", Json("""{ "name": "Trips", "modules": ["logistics"], "format": "json", "filters": { "date_range": "last_7_days" } }"""));
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        // Another tenant has only the defaults.
        var (_, otherKey) = await app.CreateTenantAsync("nofleet");
        Assert.Equal(HttpStatusCode.BadRequest, (await app.CreateClient(otherKey).PostAsJsonAsync("/api/nofleet/metrics", trip)).StatusCode);
    }
}
