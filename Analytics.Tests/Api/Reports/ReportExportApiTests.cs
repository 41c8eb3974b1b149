using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using ClosedXML.Excel;
using CsvHelper;

namespace Analytics.Tests.Api.Reports;

public sealed class ReportExportApiTests(AnalyticsAppFactory app) : IClassFixture<AnalyticsAppFactory>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A tenant with orders in January to March 2026 and refunds in February.</summary>
    private async Task<HttpClient> TenantWithOrdersAsync(string slug)
    {
        var (_, key) = await app.CreateTenantAsync(slug);
        var client = app.CreateClient(key);
        var events = new List<object>();
        foreach (var (month, count) in new[] { (1, 3), (2, 4), (3, 5) })
            for (var i = 0; i < count; i++)
                events.Add(new { name = "order_value", value = 1000.0, module = "fulfillment", timestamp = new DateTime(2026, month, 10 + i, 12, 0, 0, DateTimeKind.Utc) });
        events.Add(new { name = "refund_amount", value = 250.0, module = "fulfillment", timestamp = new DateTime(2026, 2, 20, 12, 0, 0, DateTimeKind.Utc) });
        var posted = await client.PostAsJsonAsync($"/api/{slug}/metrics", events);
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        return client;
    }

    [Fact]
    public async Task The_seeds_export_body_streams_an_xlsx_with_a_sheet_per_series()
    {
        var client = await TenantWithOrdersAsync("xlsx-export");

        var response = await client.PostAsync("/api/analytics/reports/export",
            Json("""{"reportType":"revenue","from":"2026-01-01","to":"2026-03-31","format":"xlsx","groupBy":"month"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("revenue_2026-01-01_2026-03-31.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var orders = workbook.Worksheet("order_value");
        Assert.Equal(["2026-01", "2026-02", "2026-03"], Enumerable.Range(2, 3).Select(r => orders.Cell(r, 1).GetString()));
        Assert.Equal([3000d, 4000d, 5000d], Enumerable.Range(2, 3).Select(r => orders.Cell(r, 3).GetDouble()));
        Assert.Equal(250, workbook.Worksheet("refund_amount").Cell(3, 3).GetDouble());
        Assert.Equal(12000, workbook.Worksheet("Summary").Cell(2, 4).GetDouble());
    }

    [Fact]
    public async Task A_csv_export_is_text_csv_with_a_filename_and_the_series_rows()
    {
        var client = await TenantWithOrdersAsync("csv-export");

        var response = await client.PostAsync("/api/analytics/reports/export",
            Json("""{"reportType":"revenue","from":"2026-01-01","to":"2026-03-31","format":"csv","groupBy":"month"}"""));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("revenue_2026-01-01_2026-03-31.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        var text = await response.Content.ReadAsStringAsync();
        using var csv = CsvReader.FromText(text.TrimStart('\uFEFF'), new CsvReaderOptions { HasHeader = true });
        var rows = new List<(string Metric, string Period, double Value)>();
        while (csv.Read()) rows.Add((csv.GetString("metric"), csv.GetString("period"), double.Parse(csv.GetString("value"), CultureInfo.InvariantCulture)));
        Assert.Equal([("order_value", "2026-01", 3000d), ("order_value", "2026-02", 4000d), ("order_value", "2026-03", 5000d)],
            rows.Where(r => r.Metric == "order_value"));
        Assert.Equal(4 * 3, rows.Count);
    }

    [Theory]
    [InlineData("""{"reportType":"weather","from":"2026-01-01","to":"2026-03-31","format":"xlsx"}""", "reportType")]
    [InlineData("""{"reportType":"revenue","from":"2026-01-01","to":"2026-03-31","format":"pdf"}""", "format")]
    [InlineData("""{"reportType":"revenue","from":"2026-01-01","to":"2026-03-31","format":"csv","groupBy":"fortnight"}""", "groupBy")]
    [InlineData("""{"reportType":"revenue","from":"2026-01-01","to":"2026-03-31","format":"csv","groupBy":"hour"}""", "groupBy")]
    [InlineData("""{"reportType":"revenue","from":"January","to":"2026-03-31","format":"csv"}""", "from")]
    [InlineData("""{"reportType":"revenue","from":"2026-01-01","to":"2026-03-31","format":"csv","colour":"red"}""", "colour")]
    [InlineData("""{"from":"2026-01-01","to":"2026-03-31"}""", "reportType")]
    public async Task Bad_input_is_a_400_naming_the_field(string body, string field)
    {
        var (_, key) = await app.CreateTenantAsync("export-400");
        var response = await app.CreateClient(key).PostAsync("/api/analytics/reports/export", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task From_after_to_is_a_422()
    {
        var (_, key) = await app.CreateTenantAsync("export-422");
        var response = await app.CreateClient(key).PostAsync("/api/analytics/reports/export",
            Json("""{"reportType":"sales","from":"2026-03-31","to":"2026-01-01","format":"xlsx","groupBy":"month"}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_a_key_the_export_is_a_401()
    {
        var response = await app.CreateClient().PostAsync("/api/analytics/reports/export",
            Json("""{"reportType":"revenue","from":"2026-01-01","to":"2026-03-31","format":"csv"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
