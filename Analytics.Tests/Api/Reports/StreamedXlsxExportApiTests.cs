using System.Net;
using System.Net.Http.Json;
using System.Text;
using Analytics.Tests.Infrastructure;
using ClosedXML.Excel;

namespace Analytics.Tests.Api.Reports;

/// <summary>
/// The seed-000 export through the streaming workbook writer (threshold 0): the test server, like Kestrel, refuses
/// synchronous writes to the response, so this shows the writer only ever writes the response asynchronously.
/// </summary>
public sealed class StreamedXlsxExportApiTests(StreamedXlsxExportApiTests.StreamingApp app) : IClassFixture<StreamedXlsxExportApiTests.StreamingApp>
{
    public sealed class StreamingApp : AnalyticsAppFactory
    {
        protected override IDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Seed:Demo:Enabled"] = "false",
            ["ReportRendering:XlsxStreamingThreshold"] = "0",
        };
    }

    [Fact]
    public async Task An_export_above_the_threshold_streams_a_workbook_with_every_day_of_the_range()
    {
        var (_, key) = await app.CreateTenantAsync("streamed-xlsx");
        var client = app.CreateClient(key);
        var start = new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        var events = Enumerable.Range(0, 90).Select(d => new { name = "order_value", value = 100.0 + d, module = "fulfillment", timestamp = start.AddDays(d) });
        var posted = await client.PostAsJsonAsync("/api/streamed-xlsx/metrics", events);
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());

        var response = await client.PostAsync("/api/analytics/reports/export", new StringContent(
            """{"reportType":"revenue","from":"2026-01-01","to":"2026-03-31","format":"xlsx","groupBy":"day"}""", Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("revenue_2026-01-01_2026-03-31.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var series = workbook.Worksheet("Time series");
        Assert.Equal(1, series.SheetView.SplitRow);
        Assert.True(series.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(91, series.LastRowUsed().RowNumber());
        var revenue = Enumerable.Range(1, series.LastColumnUsed().ColumnNumber()).Single(c => series.Cell(1, c).GetString() == "Total revenue");
        for (var d = 0; d < 90; d++)
        {
            Assert.Equal(start.Date.AddDays(d), series.Cell(d + 2, 2).GetDateTime());
            Assert.Equal(100.0 + d, series.Cell(d + 2, revenue).GetDouble());
        }
        var kpis = workbook.Worksheet("KPIs");
        Assert.Equal("Total revenue", kpis.Cell(2, 1).GetString());
        Assert.Equal(Enumerable.Range(0, 90).Sum(d => 100.0 + d), kpis.Cell(2, 2).GetDouble());
    }
}
