using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Api.Reports;

public sealed class ReportsApiTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    /// <summary>The seed's "Schedule Report" request body, verbatim.</summary>
    private const string SeedBody = """
        {
          "name": "Weekly Fulfillment Summary",
          "modules": ["fulfillment", "inventory"],
          "format": "pdf",
          "schedule": {
            "frequency": "weekly",
            "day": "monday",
            "time": "08:00"
          },
          "delivery": {
            "email": ["ops@company.com", "manager@company.com"]
          },
          "filters": {
            "date_range": "last_7_days"
          }
        }
        """;

    private const string OnDemandBody = """
        { "name": "Orders now", "metrics": ["order_count"], "format": "json", "filters": { "date_range": "last_30_days" } }
        """;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<HttpClient> ClientAsync(string slug, string role = Roles.Admin, ApiKeyScope scope = ApiKeyScope.Write)
    {
        var (_, key) = await app.CreateTenantAsync(slug, scope, role);
        return app.CreateClient(key);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Polls the report until its latest run has finished, as a client of the API does.</summary>
    private static async Task<JsonElement> FinishedAsync(HttpClient client, string slug, long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var report = await ReadAsync(await client.GetAsync($"/api/{slug}/reports/{id}"));
            var status = report.GetProperty("last_run").GetProperty("status").GetString();
            if (status is "succeeded" or "failed") return report;
            if (DateTime.UtcNow > deadline) Assert.Fail($"The run is still {status}.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task The_seeds_schedule_report_body_works_verbatim()
    {
        var client = await ClientAsync("seedreport");

        var created = await client.PostAsync("/api/seedreport/reports", Json(SeedBody));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await ReadAsync(created);
        var id = body.GetProperty("id").GetInt64();
        Assert.Equal($"/api/seedreport/reports/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("Weekly Fulfillment Summary", body.GetProperty("name").GetString());
        Assert.Equal(["fulfillment", "inventory"], body.GetProperty("modules").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("pdf", body.GetProperty("format").GetString());
        var schedule = body.GetProperty("schedule");
        Assert.Equal("weekly", schedule.GetProperty("frequency").GetString());
        Assert.Equal("monday", schedule.GetProperty("day").GetString());
        Assert.Equal("08:00", schedule.GetProperty("time").GetString());
        Assert.Equal("0 8 * * 1", schedule.GetProperty("cron").GetString());
        Assert.Equal("UTC", schedule.GetProperty("time_zone").GetString());
        Assert.Equal(["ops@company.com", "manager@company.com"], body.GetProperty("delivery").GetProperty("email").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("last_7_days", body.GetProperty("filters").GetProperty("date_range").GetString());
        Assert.False(body.TryGetProperty("run", out _));
        var next = body.GetProperty("next_run_at").GetDateTime();
        Assert.Equal(DayOfWeek.Monday, next.DayOfWeek);
        Assert.Equal(new TimeSpan(8, 0, 0), next.TimeOfDay);
        Assert.InRange(next - SuiteClock.Now.UtcDateTime, TimeSpan.Zero, TimeSpan.FromDays(7));

        var detail = await ReadAsync(await client.GetAsync($"/api/seedreport/reports/{id}"));
        Assert.Equal(0, detail.GetProperty("runs").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("last_run").ValueKind);
        var list = await ReadAsync(await client.GetAsync("/api/seedreport/reports"));
        Assert.Equal(id, Assert.Single(list.GetProperty("reports").EnumerateArray()).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task A_report_without_a_schedule_is_generated_now_and_downloads()
    {
        var client = await ClientAsync("ondemand");

        var created = await client.PostAsync("/api/ondemand/reports", Json(OnDemandBody));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await ReadAsync(created);
        var id = body.GetProperty("id").GetInt64();
        var run = body.GetProperty("run");
        Assert.Equal("manual", run.GetProperty("trigger").GetString());
        Assert.Contains(run.GetProperty("status").GetString(), new[] { "queued", "running", "succeeded" });
        Assert.Equal(JsonValueKind.Null, body.GetProperty("schedule").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("next_run_at").ValueKind);

        var finished = (await FinishedAsync(client, "ondemand", id)).GetProperty("last_run");
        Assert.Equal("succeeded", finished.GetProperty("status").GetString());
        Assert.StartsWith("application/json", finished.GetProperty("content_type").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Last 30 days (", finished.GetProperty("period").GetString(), StringComparison.Ordinal);
        Assert.True(finished.GetProperty("duration_ms").GetInt64() >= 0);

        var download = await client.GetAsync($"/api/ondemand/reports/{id}/download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^orders-now-\d{4}-\d{2}-\d{2}\.json$", download.Content.Headers.ContentDisposition?.FileName);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(finished.GetProperty("size_bytes").GetInt64(), bytes.LongLength);
        using (JsonDocument.Parse(bytes)) { }
    }

    [Fact]
    public async Task Run_now_queues_another_run_and_the_older_file_still_downloads_by_run()
    {
        var client = await ClientAsync("rerun");
        var id = (await ReadAsync(await client.PostAsync("/api/rerun/reports", Json(OnDemandBody)))).GetProperty("id").GetInt64();
        var first = (await FinishedAsync(client, "rerun", id)).GetProperty("last_run").GetProperty("id").GetInt64();

        var again = await client.PostAsync($"/api/rerun/reports/{id}/runs", null);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var second = (await ReadAsync(again)).GetProperty("id").GetInt64();
        Assert.Equal($"/api/rerun/reports/{id}/runs/{second}", again.Headers.Location?.OriginalString);
        var report = await FinishedAsync(client, "rerun", id);

        Assert.Equal(second, report.GetProperty("last_run").GetProperty("id").GetInt64());
        Assert.Equal([second, first], report.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/rerun/reports/{id}/download?run={first}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/rerun/reports/{id}/download?run={second + 100}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/rerun/reports/{id}/download?run=latest")).StatusCode);
    }

    [Theory]
    [InlineData("""{ "name": "x", "modules": ["fulfillment"], "format": "pdf", "schedule": { "frequency": "cron", "cron": "0 25 * * *" } }""", "schedule.cron")]
    [InlineData("""{ "name": "x", "modules": ["fulfillment"], "format": "pdf", "schedule": { "frequency": "cron", "cron": "every monday" } }""", "schedule.cron")]
    [InlineData("""{ "name": "x", "modules": ["fulfillment"], "format": "pdf", "schedule": { "frequency": "daily", "time": "25:00" } }""", "schedule.time")]
    [InlineData("""{ "name": "x", "modules": ["fulfillment"], "format": "pdf", "schedule": { "frequency": "daily", "time": "8am" } }""", "schedule.time")]
    [InlineData("""{ "name": "x", "modules": ["fulfillment"], "format": "pdf", "schedule": { "frequency": "weekly", "time": "08:00" } }""", "schedule.day")]
    [InlineData("""{ "name": "x", "modules": ["fulfillment"], "format": "pdf", "schedule": { "frequency": "monthly", "day": 31, "time": "08:00" } }""", "schedule.day")]
    [InlineData("""{ "name": "x", "modules": ["fulfillment"], "format": "pdf", "schedule": { "frequency": "hourly", "time": "08:00" } }""", "schedule.frequency")]
    [InlineData("""{ "name": "x", "modules": ["warehouse"], "format": "pdf" }""", "modules[0]")]
    [InlineData("""{ "name": "x", "metrics": ["order_count", "Order Count!"], "format": "pdf" }""", "metrics[1]")]
    [InlineData("""{ "name": "x", "format": "pdf" }""", "modules")]
    [InlineData("""{ "name": "x", "modules": ["fulfillment"], "format": "docx" }""", "format")]
    [InlineData("""{ "modules": ["fulfillment"], "format": "pdf" }""", "name")]
    [InlineData("""{ "name": "x", "modules": ["fulfillment"], "format": "pdf", "delivery": { "email": [] } }""", "delivery.email")]
    [InlineData("""{ "name": "x", "modules": ["fulfillment"], "format": "pdf", "delivery": { "email": ["ops@company.com", "not-an-address"] } }""", "delivery.email[1]")]
    [InlineData("""{ "name": "x", "modules": ["fulfillment"], "format": "pdf", "delivery": { "email": ["ops@company"] } }""", "delivery.email[0]")]
    [InlineData("""{ "name": "x", "modules": ["fulfillment"], "format": "pdf", "filters": { "date_range": "last_week" } }""", "filters.date_range")]
    [InlineData("""{ "name": "x", "modules": ["fulfillment"], "format": "pdf", "filters": { "date_range": "custom", "from": "2026-01-01" } }""", "filters.date_range")]
    [InlineData("""{ "name": "x", "modules": ["fulfillment"], "format": "pdf", "filters": { "module": "warehouse" } }""", "filters.module")]
    [InlineData("""{ "name": "x", "modules": ["fulfillment"], "format": "pdf", "colour": "blue" }""", "colour")]
    [InlineData("""{ "name": "x", "modules": ["fulfillment"], "format": "pdf", "group_by": "fortnight" }""", "group_by")]
    public async Task Each_broken_rule_is_a_400_with_its_field_and_nothing_is_saved(string body, string field)
    {
        var slug = $"bad{Math.Abs(StringComparer.Ordinal.GetHashCode(body)) % 100000}";
        var client = await ClientAsync(slug);

        var response = await client.PostAsync($"/api/{slug}/reports", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error for {field}: {problem}");
        var list = await ReadAsync(await client.GetAsync($"/api/{slug}/reports"));
        Assert.Equal(0, list.GetProperty("reports").GetArrayLength());
    }

    [Fact]
    public async Task A_custom_range_that_ends_before_it_starts_is_a_422()
    {
        var client = await ClientAsync("backwards");

        var response = await client.PostAsync("/api/backwards/reports", Json("""
            { "name": "x", "metrics": ["order_count"], "format": "json", "filters": { "date_range": "custom", "from": "2026-02-01", "to": "2026-01-01" } }
            """));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Another_tenants_report_and_its_download_are_not_found()
    {
        var owner = await ClientAsync("owner");
        var id = (await ReadAsync(await owner.PostAsync("/api/owner/reports", Json(OnDemandBody)))).GetProperty("id").GetInt64();
        await FinishedAsync(owner, "owner", id);
        var stranger = await ClientAsync("stranger");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/stranger/reports/{id}/download")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/stranger/reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/owner/reports/{id}/download")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/stranger/reports/{id}/runs", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/stranger/reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/owner/reports/{id}/download")).StatusCode);
    }

    [Fact]
    public async Task A_manager_reads_and_downloads_but_does_not_create_change_or_run()
    {
        var admin = await ClientAsync("roles");
        var id = (await ReadAsync(await admin.PostAsync("/api/roles/reports", Json(OnDemandBody)))).GetProperty("id").GetInt64();
        await FinishedAsync(admin, "roles", id);
        var manager = await ClientAsync("roles", Roles.Manager);
        var readOnly = await ClientAsync("roles", Roles.Admin, ApiKeyScope.Read);

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/roles/reports/{id}/download")).StatusCode);
        var seen = await ReadAsync(await manager.GetAsync($"/api/roles/reports/{id}"));
        Assert.False(seen.GetProperty("can_edit").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync("/api/roles/reports", Json(OnDemandBody))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutAsync($"/api/roles/reports/{id}", Json(OnDemandBody))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync($"/api/roles/reports/{id}/runs", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.DeleteAsync($"/api/roles/reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsync("/api/roles/reports", Json(OnDemandBody))).StatusCode);
        var list = await ReadAsync(await admin.GetAsync("/api/roles/reports"));
        Assert.Single(list.GetProperty("reports").EnumerateArray());
    }

    [Fact]
    public async Task Update_replaces_the_settings_and_delete_removes_the_report_with_its_files()
    {
        var client = await ClientAsync("edit");
        var id = (await ReadAsync(await client.PostAsync("/api/edit/reports", Json(OnDemandBody)))).GetProperty("id").GetInt64();
        await FinishedAsync(client, "edit", id);

        var updated = await client.PutAsync($"/api/edit/reports/{id}", Json(SeedBody));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var body = await ReadAsync(updated);
        Assert.Equal("Weekly Fulfillment Summary", body.GetProperty("name").GetString());
        Assert.Equal("0 8 * * 1", body.GetProperty("schedule").GetProperty("cron").GetString());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("metrics").ValueKind);
        Assert.Equal(0, body.GetProperty("metrics").GetArrayLength());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/edit/reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/edit/reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/edit/reports/{id}/download")).StatusCode);
    }

    [Fact]
    public async Task An_admin_sends_a_test_email_to_the_pickup_folder_and_an_analyst_may_not()
    {
        var admin = await ClientAsync("mailtest");
        var analyst = await ClientAsync("mailtest", Roles.Analyst);

        var sent = await admin.PostAsync("/api/mailtest/reports/test-email", Json("""{ "to": "admin@company.com" }"""));
        var refused = await analyst.PostAsync("/api/mailtest/reports/test-email", Json("""{ "to": "admin@company.com" }"""));
        var invalid = await admin.PostAsync("/api/mailtest/reports/test-email", Json("""{ "to": "nobody" }"""));

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal("pickup", (await ReadAsync(sent)).GetProperty("sent_via").GetString());
        Assert.Single(Directory.GetFiles(app.Pickup, "*.eml"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }
}
