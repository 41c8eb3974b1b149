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
    public async Task The_seeds_export_body_gives_a_workbook_of_the_revenue_kpis_and_their_monthly_series()
    {
        var client = await TenantWithOrdersAsync("xlsx-export");

        var response = await client.PostAsync("/api/analytics/reports/export",
            Json("""{"reportType":"revenue","from":"2026-01-01","to":"2026-03-31","format":"xlsx","groupBy":"month"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("revenue_2026-01-01_2026-03-31.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["KPIs", "Time series", "About"], workbook.Worksheets.Select(w => w.Name));

        // The figures of GET /api/analytics/revenue: 12 orders of 1000, 250 refunded, no subscriptions; nothing before January.
        var kpis = workbook.Worksheet("KPIs");
        var figures = Enumerable.Range(2, kpis.LastRowUsed().RowNumber() - 1)
            .ToDictionary(r => kpis.Cell(r, 6).GetString(), r => (Label: kpis.Cell(r, 1).GetString(), Value: kpis.Cell(r, 2).GetDouble(), Unit: kpis.Cell(r, 5).GetString()));
        Assert.Equal(["kpi.revenue.arr", "kpi.revenue.avg_order_value", "kpi.revenue.mrr", "kpi.revenue.net_revenue", "kpi.revenue.refunds", "kpi.revenue.total_revenue"],
            figures.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("Total revenue", 12000d, "usd"), figures["kpi.revenue.total_revenue"]);
        Assert.Equal(1000d, figures["kpi.revenue.avg_order_value"].Value);
        Assert.Equal(250d, figures["kpi.revenue.refunds"].Value);
        Assert.Equal(11750d, figures["kpi.revenue.net_revenue"].Value);
        Assert.Equal(0d, figures["kpi.revenue.mrr"].Value);
        Assert.True(kpis.Cell(2, 4).IsEmpty(), "no change against an empty previous quarter");

        // A column per KPI, a row per month.
        var series = workbook.Worksheet("Time series");
        var header = Enumerable.Range(1, series.LastColumnUsed().ColumnNumber()).ToDictionary(c => series.Cell(1, c).GetString(), c => c);
        Assert.Equal(["2026-01", "2026-02", "2026-03"], Enumerable.Range(2, 3).Select(r => series.Cell(r, 1).GetString()));
        Assert.Equal(new DateTime(2026, 2, 1), series.Cell(3, 2).GetDateTime());
        Assert.Equal([3000d, 4000d, 5000d], Enumerable.Range(2, 3).Select(r => series.Cell(r, header["Total revenue"]).GetDouble()));
        Assert.Equal([0d, 250d, 0d], Enumerable.Range(2, 3).Select(r => series.Cell(r, header["Refunds"]).GetDouble()));
        Assert.Equal([3000d, 3750d, 5000d], Enumerable.Range(2, 3).Select(r => series.Cell(r, header["Net revenue"]).GetDouble()));
        Assert.Equal(4, series.LastRowUsed().RowNumber());
    }

    [Fact]
    public async Task A_csv_export_carries_each_kpi_for_the_window_and_per_period_in_the_requested_currency()
    {
        var client = await TenantWithOrdersAsync("csv-export");
        var rates = await client.PutAsJsonAsync("/api/analytics/exchange-rates", new { rates = new { eur = 0.5 } });
        Assert.True(rates.IsSuccessStatusCode, await rates.Content.ReadAsStringAsync());

        var response = await client.PostAsync("/api/analytics/reports/export",
            Json("""{"reportType":"revenue","from":"2026-01-01","to":"2026-03-31","format":"csv","groupBy":"month","currency":"eur"}"""));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("revenue_2026-01-01_2026-03-31.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        var text = await response.Content.ReadAsStringAsync();
        using var csv = CsvReader.FromText(text.TrimStart('\uFEFF'), new CsvReaderOptions { HasHeader = true });
        var rows = new List<(string Figure, string Unit, string Period, double? Value)>();
        while (csv.Read())
        {
            var value = csv.GetString("value");
            rows.Add((csv.GetString("figure"), csv.GetString("unit"), csv.GetString("period"),
                value.Length == 0 ? null : double.Parse(value, CultureInfo.InvariantCulture)));
        }

        // Six revenue KPIs for the window, then each for three months; amounts at 0.5 eur per usd.
        Assert.Equal(6 * 4, rows.Count);
        Assert.Equal([("kpi.revenue.total_revenue", "eur", "2026-01-01/2026-03-31", (double?)6000)], rows.Where(r => r.Figure == "kpi.revenue.total_revenue" && r.Period.Contains('/')));
        Assert.Equal([("2026-01", (double?)1500), ("2026-02", 2000), ("2026-03", 2500)],
            rows.Where(r => r.Figure == "kpi.revenue.total_revenue" && !r.Period.Contains('/')).Select(r => (r.Period, r.Value)));
        Assert.Equal([("2026-01", (double?)0), ("2026-02", 125), ("2026-03", 0)],
            rows.Where(r => r.Figure == "kpi.revenue.refunds" && !r.Period.Contains('/')).Select(r => (r.Period, r.Value)));
    }

    [Fact]
    public async Task Every_area_exports_its_kpis_and_a_customers_export_holds_the_customer_figures()
    {
        var client = await TenantWithOrdersAsync("area-export");
        var signups = Enumerable.Range(0, 4).Select(i => new { name = "customer_signup", value = 1.0, module = "sales",
            timestamp = new DateTime(2026, 2, 3 + i, 12, 0, 0, DateTimeKind.Utc), dimensions = new { channel = i < 3 ? "direct" : "referral" } });
        Assert.True((await client.PostAsJsonAsync("/api/area-export/metrics", signups)).IsSuccessStatusCode);

        foreach (var area in new[] { "revenue", "sales", "products", "customers", "inventory", "hr", "support", "marketing" })
        {
            var response = await client.PostAsync("/api/analytics/reports/export",
                Json($$"""{"reportType":"{{area}}","from":"2026-01-01","to":"2026-03-31","format":"xlsx","groupBy":"month"}"""));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{area}: {await response.Content.ReadAsStringAsync()}");
            using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
            var kpis = workbook.Worksheet("KPIs");
            Assert.All(Enumerable.Range(2, kpis.LastRowUsed().RowNumber() - 1), r => Assert.StartsWith($"kpi.{area}.", kpis.Cell(r, 6).GetString()));
            if (area != "customers") continue;
            var series = workbook.Worksheet("Time series");
            var column = Enumerable.Range(1, series.LastColumnUsed().ColumnNumber()).Single(c => series.Cell(1, c).GetString() == "New customers");
            Assert.Equal([0d, 4d, 0d], Enumerable.Range(2, 3).Select(r => series.Cell(r, column).GetDouble()));
            Assert.Contains(Enumerable.Range(2, kpis.LastRowUsed().RowNumber() - 1), r => kpis.Cell(r, 6).GetString() == "kpi.customers.new_customers" && kpis.Cell(r, 2).GetDouble() == 4);
        }
    }

    [Theory]
    [InlineData("""{"reportType":"weather","from":"2026-01-01","to":"2026-03-31","format":"xlsx"}""", "reportType")]
    [InlineData("""{"reportType":"revenue","from":"2026-01-01","to":"2026-03-31","format":"pdf"}""", "format")]
    [InlineData("""{"reportType":"revenue","from":"2026-01-01","to":"2026-03-31","format":"csv","groupBy":"fortnight"}""", "groupBy")]
    [InlineData("""{"reportType":"revenue","from":"2026-01-01","to":"2026-03-31","format":"csv","groupBy":"hour"}""", "groupBy")]
    [InlineData("""{"reportType":"revenue","from":"January","to":"2026-03-31","format":"csv"}""", "from")]
    [InlineData("""{"reportType":"revenue","from":"2026-01-01","to":"2026-03-31","format":"csv","colour":"red"}""", "colour")]
    [InlineData("""{"from":"2026-01-01","to":"2026-03-31"}""", "reportType")]
    [InlineData("""{"reportType":"revenue","from":"2026-01-01","to":"2026-03-31","format":"csv","currency":"xyz"}""", "currency")]
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
