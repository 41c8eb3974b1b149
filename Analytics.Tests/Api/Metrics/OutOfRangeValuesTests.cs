using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Analytics.Tests.Infrastructure;
using ClosedXML.Excel;

namespace Analytics.Tests.Api.Metrics;

/// <summary>
/// Values no figure can be computed from: ingest refuses them, and a tenant whose tables hold one anyway (stored before
/// the bound, or planted) keeps every read surface answering, with only that metric's figures refused or flagged.
/// </summary>
public sealed class OutOfRangeValuesTests(QuietAppFactory app) : IClassFixture<QuietAppFactory>
{
    private static readonly string[] MetricTables = ["MetricEvents", "MetricRollupsHourly", "MetricRollupsDaily", "MetricCatalog"];

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Day(int daysAgo) => SuiteClock.Today.AddDays(-daysAgo).ToString("yyyy-MM-dd");

    private async Task<long> CountRowsAsync(string table, int tenantId)
    {
        await using var connection = await TestDatabase.ConnectAsync(app.ConnectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE TenantId = {tenantId}";
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<JsonElement> OkAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Theory]
    [InlineData("1.7e308")]
    [InlineData("-1.7e308")]
    [InlineData("1e999")]
    [InlineData("1000000000000001")]
    public async Task A_batch_with_a_value_beyond_the_bound_is_refused_naming_it_and_writes_nothing(string value)
    {
        var (tenant, key) = await app.CreateTenantAsync("beyond");

        var response = await app.CreateClient(key).PostAsync("/api/beyond/metrics", Json($$"""
            [ { "name": "order_value", "value": 12, "module": "sales" },
              { "name": "order_value", "value": {{value}}, "module": "sales" } ]
            """));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["[1].value"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains("1e15", errors.GetProperty("[1].value")[0].GetString(), StringComparison.Ordinal);
        foreach (var table in MetricTables) Assert.Equal(0, await CountRowsAsync(table, tenant.Id));
    }

    [Fact]
    public async Task A_single_event_beyond_the_bound_names_its_value()
    {
        var (tenant, key) = await app.CreateTenantAsync("singlebeyond");

        var response = await app.CreateClient(key).PostAsync("/api/singlebeyond/metrics", Json("""{ "name": "order_value", "value": 1.7e308, "module": "sales" }"""));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["value"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        foreach (var table in MetricTables) Assert.Equal(0, await CountRowsAsync(table, tenant.Id));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public async Task Non_finite_tokens_are_not_json_and_write_nothing(string token)
    {
        var (tenant, key) = await app.CreateTenantAsync("nonfinite");

        var response = await app.CreateClient(key).PostAsync("/api/nonfinite/metrics", Json($$"""
            [ { "name": "order_value", "value": 12, "module": "sales" },
              { "name": "order_value", "value": {{token}}, "module": "sales" } ]
            """));

        await ProblemAsync(response, HttpStatusCode.BadRequest);
        foreach (var table in MetricTables) Assert.Equal(0, await CountRowsAsync(table, tenant.Id));
    }

    [Fact]
    public async Task A_value_at_the_bound_is_recorded()
    {
        var (_, key) = await app.CreateTenantAsync("atbound");
        var client = app.CreateClient(key);

        var response = await client.PostAsync("/api/atbound/metrics", Json("""
            [ { "name": "order_value", "value": 1e15, "module": "sales" }, { "name": "order_value", "value": -1e15, "module": "sales" } ]
            """));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await OkAsync(client, $"/api/atbound/metrics?name=order_value&from={Day(0)}&to={Day(0)}&agg=max");
        Assert.Equal(2, body.GetProperty("summary").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_stored_overflow_refuses_only_its_metric_and_every_other_surface_answers()
    {
        var (tenant, key) = await app.CreateTenantAsync("overflow");
        var client = app.CreateClient(key);
        var at = SuiteClock.Today.AddDays(-2).AddHours(6);
        var recorded = await client.PostAsJsonAsync("/api/overflow/metrics", new object[]
        {
            new { name = "order_value", value = 100, module = "sales", timestamp = at, dimensions = new Dictionary<string, string> { ["product"] = "Desk", ["currency"] = "usd" } },
            new { name = "order_value", value = 50, module = "sales", timestamp = at.AddHours(1), dimensions = new Dictionary<string, string> { ["product"] = "Lamp" } },
            new { name = "order_count", value = 1, module = "sales", timestamp = at },
            new { name = "order_count", value = 1, module = "sales", timestamp = at.AddHours(1) },
            new { name = "refund_amount", value = 10, module = "sales", timestamp = at, dimensions = new Dictionary<string, string> { ["product"] = "Desk" } },
            new { name = "subscription_revenue", value = 30, module = "sales", timestamp = at },
        });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        await StoredOverflow.PlantAsync(app.ConnectionString, tenant.Id, "order_value");

        // The metric's own queries, from each tier (daily: whole days, hourly: whole hours, raw: neither): a 422 naming it.
        var instant = at.ToString("yyyy-MM-ddTHH");
        foreach (var range in new[] { $"from={Day(3)}&to={Day(0)}", $"from={instant}:00:00Z&to={Day(0)}&group_by=hour", $"from={instant}:30:00Z&to={Day(0)}" })
        {
            foreach (var agg in new[] { "sum", "avg", "max", "last" })
            {
                var problem = await ProblemAsync(await client.GetAsync($"/api/overflow/metrics?name=order_value&{range}&agg={agg}"), HttpStatusCode.UnprocessableEntity);
                Assert.Contains("order_value", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
                Assert.Contains("out of range", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
                Assert.Equal("order_value", problem.GetProperty("metric").GetString());
            }
        }
        var breakdown = await ProblemAsync(await client.GetAsync($"/api/overflow/metrics?name=order_value&from={Day(3)}&to={Day(0)}&by=product"), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("order_value", breakdown.GetProperty("metric").GetString());

        // Another metric of the tenant answers as before.
        var other = await OkAsync(client, $"/api/overflow/metrics?name=order_count&from={Day(3)}&to={Day(0)}");
        Assert.Equal(2, other.GetProperty("summary").GetProperty("total").GetDouble());

        // The summary answers for the others and lists the broken metric under problems.
        var summary = await OkAsync(client, $"/api/overflow/metrics/summary?from={Day(3)}&to={Day(0)}");
        Assert.Equal(["order_count", "refund_amount", "subscription_revenue"],
            summary.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        var flagged = Assert.Single(summary.GetProperty("problems").EnumerateArray());
        Assert.Equal("order_value", flagged.GetProperty("metric").GetString());
        Assert.Contains("out of range", flagged.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The KPIs that read it answer with their other figures and name it under problems.
        var revenue = await OkAsync(client, $"/api/analytics/revenue?from={Day(3)}&to={Day(0)}");
        Assert.Equal("order_value", Assert.Single(revenue.GetProperty("problems").EnumerateArray()).GetProperty("metric").GetString());
        Assert.Equal(10, revenue.GetProperty("summary").GetProperty("refunds").GetDecimal());
        var products = await OkAsync(client, $"/api/analytics/products?from={Day(3)}&to={Day(0)}");
        Assert.Equal("order_value", Assert.Single(products.GetProperty("problems").EnumerateArray()).GetProperty("metric").GetString());
        foreach (var area in new[] { "sales", "customers", "inventory", "hr", "support", "marketing" })
            Assert.Empty((await OkAsync(client, $"/api/analytics/{area}?from={Day(3)}&to={Day(0)}")).GetProperty("problems").EnumerateArray());

        // The revenue export answers too, and says on its About sheet which metric it counted as without events.
        var export = await client.PostAsync("/api/analytics/reports/export",
            Json($$"""{"reportType":"revenue","from":"{{Day(3)}}","to":"{{Day(0)}}","format":"xlsx"}"""));
        Assert.True(export.StatusCode == HttpStatusCode.OK, await export.Content.ReadAsStringAsync());
        using (var workbook = new XLWorkbook(new MemoryStream(await export.Content.ReadAsByteArrayAsync())))
            Assert.Contains(workbook.Worksheet("About").RowsUsed(), r => r.Cell(1).GetString() == "Problem" && r.Cell(2).GetString().Contains("order_value", StringComparison.Ordinal));

        // A forecast is of one metric: refused like its query.
        var forecast = await ProblemAsync(await client.GetAsync("/api/analytics/forecast?metric=revenue&granularity=day"), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("order_value", forecast.GetProperty("metric").GetString());

        // The catalog still lists it.
        var catalog = await OkAsync(client, "/api/overflow/metrics/catalog");
        Assert.Contains("order_value", catalog.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("name").GetString()));

        // A report over both metrics succeeds in every format; the JSON file marks the broken one.
        foreach (var format in new[] { "json", "csv", "xlsx", "pdf" })
        {
            var created = await client.PostAsync("/api/overflow/reports", Json($$"""
                { "name": "Orders {{format}}", "metrics": ["order_value", "order_count"], "format": "{{format}}", "filters": { "date_range": "last_7_days" } }
                """));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
            var run = await FinishedRunAsync(client, id);
            Assert.True(run.GetProperty("status").GetString() == "succeeded", $"{format}: {run}");
            var download = await client.GetAsync($"/api/overflow/reports/{id}/download");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            if (format == "csv")
            {
                var rows = (await download.Content.ReadAsStringAsync()).Split("\r\n");
                Assert.Contains(rows, r => r.StartsWith("order_value,,sum,", StringComparison.Ordinal) && r.Contains("out of range", StringComparison.Ordinal));
                Assert.Contains(rows, r => r.StartsWith("order_count,,sum,", StringComparison.Ordinal));
            }
            if (format != "json") continue;
            var document = await download.Content.ReadFromJsonAsync<JsonElement>();
            var metrics = document.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
            Assert.Contains("out of range", metrics["order_value"].GetProperty("problem").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Null, metrics["order_value"].GetProperty("value").ValueKind);
            Assert.Equal(JsonValueKind.Null, metrics["order_count"].GetProperty("problem").ValueKind);
            Assert.Equal(2, metrics["order_count"].GetProperty("value").GetDouble());
        }
    }

    /// <summary>Polls the report until its latest run has finished, as a client of the API does.</summary>
    private static async Task<JsonElement> FinishedRunAsync(HttpClient client, long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var report = await client.GetFromJsonAsync<JsonElement>($"/api/overflow/reports/{id}");
            var run = report.GetProperty("last_run");
            var status = run.ValueKind == JsonValueKind.Null ? "queued" : run.GetProperty("status").GetString();
            if (status is "succeeded" or "failed") return run;
            if (DateTime.UtcNow > deadline) Assert.Fail($"The run is still {status}.");
            await Task.Delay(100);
        }
    }
}
