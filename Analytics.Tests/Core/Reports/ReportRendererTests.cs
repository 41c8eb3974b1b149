using System.Globalization;
using System.Text;
using System.Text.Json;
using Analytics.Core.Metrics;
using Analytics.Core.Reports;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using ClosedXML.Excel;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Core.Reports;

public sealed class ReportRendererTests : IAsyncLifetime
{
    private const string Title = "Umsatz € Übersicht Ø";
    private const string TenantName = "Fjørd Möbel GmbH";

    private readonly CoreHost _host = new(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));
    private Caller _caller = null!;

    public async ValueTask InitializeAsync()
    {
        await using (var scope = _host.Scope())
        {
            var tenant = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().CreateAsync("fjord", TenantName, "Europe/Berlin", "eur");
            _caller = new Caller(tenant.Id, tenant.Slug, null, new HashSet<string> { Roles.Manager }, false);
        }
        var events = new List<MetricEventInput>();
        // March 1–10: orders of 100 + day, two a day; stock readings of 40 and 60; February for the previous period.
        for (var day = 1; day <= 10; day++)
        {
            var at = new DateTimeOffset(2026, 3, day, 10, 0, 0, TimeSpan.Zero);
            events.Add(new("order_value", 100 + day, "fulfillment", new Dictionary<string, string> { ["country"] = "DE" }, at));
            events.Add(new("order_value", 50.5, "fulfillment", new Dictionary<string, string> { ["country"] = "NO" }, at.AddHours(2)));
            events.Add(new("stock_level", 40, "inventory", new Dictionary<string, string> { ["sku"] = "A" }, at));
            events.Add(new("stock_level", 60, "inventory", new Dictionary<string, string> { ["sku"] = "B" }, at));
        }
        for (var day = 19; day <= 28; day++)
            events.Add(new("order_value", 80, "fulfillment", null, new DateTimeOffset(2026, 2, day, 10, 0, 0, TimeSpan.Zero)));
        await _host.RunAsync(_caller with { CanWrite = true }, s => s.GetRequiredService<MetricIngestService>().RecordAsync(_caller with { CanWrite = true }, events, CancellationToken.None));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static ReportSpec Spec(ReportFormat format, IReadOnlyList<string>? metrics = null, IReadOnlyList<string>? modules = null) => new(
        Title, format, metrics ?? [], modules ?? ["fulfillment", "inventory"],
        new DateTime(2026, 2, 28, 23, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 10, 23, 0, 0, DateTimeKind.Utc), // 1–10 March in Berlin
        "Erste Märzdekade", MetricGrouping.Day, new Dictionary<string, string>());

    private async Task<(RenderedReport File, byte[] Bytes)> RenderAsync(ReportSpec spec)
    {
        using var output = new MemoryStream();
        var file = await _host.RunAsync(_caller, s => s.GetRequiredService<ReportRenderer>().RenderAsync(_caller, spec, output, CancellationToken.None));
        return (file, output.ToArray());
    }

    private Task<MetricSeries> QueryAsync(string name, MetricAggregate agg, string module) =>
        _host.RunAsync(_caller, s => s.GetRequiredService<MetricQueryService>().QueryAsync(_caller,
            new MetricQuery(name, Spec(ReportFormat.Json).FromUtc, Spec(ReportFormat.Json).ToUtc, MetricGrouping.Day, agg, module), CancellationToken.None));

    [Fact]
    public async Task Named_metrics_and_named_modules_are_a_union_and_a_named_metric_is_read_whole()
    {
        // stock_level is recorded in inventory: naming the fulfillment module must not narrow it to nothing.
        var (_, bytes) = await RenderAsync(Spec(ReportFormat.Csv, metrics: ["stock_level"], modules: ["fulfillment"]));

        var rows = ReadCsv(bytes).Skip(1).ToList();
        Assert.Equal(["stock_level", "order_value"], rows.Select(r => r[0]).Distinct());
        var stock = rows.Where(r => r[0] == "stock_level").ToList();
        Assert.Equal(10, stock.Count);
        Assert.All(stock, r => Assert.Equal("50", r[5]));
        Assert.All(rows.Where(r => r[0] == "order_value"), r => Assert.Equal("fulfillment", r[1]));
    }

    [Fact]
    public async Task Csv_reads_back_with_csvhelper_and_equals_the_query_row_by_row()
    {
        var (file, bytes) = await RenderAsync(Spec(ReportFormat.Csv));

        Assert.Equal(("text/csv; charset=utf-8", "csv"), (file.ContentType, file.FileExtension));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        var rows = ReadCsv(bytes);
        Assert.Equal(["metric", "module", "aggregate", "period", "period_start", "value", "events", "partial", "currency"], rows[0]);
        var orders = await QueryAsync("order_value", MetricAggregate.Sum, "fulfillment");
        var csvOrders = rows.Skip(1).Where(r => r[0] == "order_value").ToList();
        Assert.Equal(orders.Data.Select(p => p.Date), csvOrders.Select(r => r[3]));
        Assert.Equal(orders.Data.Select(p => p.Value!.Value), csvOrders.Select(r => double.Parse(r[5], CultureInfo.InvariantCulture)));
        Assert.Equal("2026-03-01", csvOrders[0][4]);
        Assert.Equal(151.5, double.Parse(csvOrders[0][5], CultureInfo.InvariantCulture));
        // A gauge is averaged, not summed: two readings of 40 and 60 a day.
        var stock = rows.Skip(1).Where(r => r[0] == "stock_level").ToList();
        Assert.Equal(10, stock.Count);
        Assert.All(stock, r => Assert.Equal(("inventory", "avg", "50"), (r[1], r[2], r[5])));
        Assert.Equal(21, rows.Count);
    }

    [Fact]
    public async Task Csv_defuses_hostile_text_and_keeps_negative_numbers_and_quotes_round_trip()
    {
        string[] hostile = ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "a,b", "say \"hi\"", "two\nlines", "Ünïcødé €"];
        using var output = new MemoryStream();
        await Analytics.Core.Reports.Rendering.CsvReportWriter.WriteAsync(output, ["text", "number"],
            hostile.Select((h, i) => (IReadOnlyList<object?>)[h, -1.5 * i]).ToAsyncEnumerable(), CancellationToken.None);

        var rows = ReadCsv(output.ToArray()).Skip(1).ToList();

        Assert.Equal(hostile.Length, rows.Count);
        for (var i = 0; i < hostile.Length; i++)
        {
            var formula = hostile[i][0] is '=' or '+' or '-' or '@' or '\t' or '\r';
            Assert.Equal(formula ? "'" + hostile[i] : hostile[i], rows[i][0]);
            Assert.Equal(-1.5 * i, double.Parse(rows[i][1], CultureInfo.InvariantCulture));
        }
        Assert.Equal("-1.5", rows[1][1]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Xlsx_opens_in_closedxml_with_typed_cells_formats_a_frozen_header_and_the_query_values(bool streaming)
    {
        var spec = Spec(ReportFormat.Xlsx);
        using var output = new MemoryStream();
        await _host.RunAsync(_caller, async s =>
        {
            var builder = s.GetRequiredService<ReportContentBuilder>();
            var content = await builder.BuildAsync(_caller, spec, CancellationToken.None);
            await Analytics.Core.Reports.Rendering.XlsxReportWriter.WriteAsync(content, output, streamingThreshold: streaming ? 0 : 1_000, CancellationToken.None);
            return 0;
        });

        output.Position = 0;
        using var workbook = new XLWorkbook(output);
        Assert.Equal(["Summary", "order_value", "stock_level", "About"], workbook.Worksheets.Select(w => w.Name));

        var sheet = workbook.Worksheet("order_value");
        Assert.Equal(["Period", "Start", "Total (EUR)", "Events"], Enumerable.Range(1, 4).Select(c => sheet.Cell(1, c).GetString()));
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(1, sheet.SheetView.SplitRow);
        var orders = await QueryAsync("order_value", MetricAggregate.Sum, "fulfillment");
        for (var i = 0; i < orders.Data.Count; i++)
        {
            Assert.Equal(orders.Data[i].Date, sheet.Cell(i + 2, 1).GetString());
            Assert.Equal(XLDataType.DateTime, sheet.Cell(i + 2, 2).DataType);
            Assert.Equal(new DateTime(2026, 3, 1 + i), sheet.Cell(i + 2, 2).GetDateTime());
            Assert.Equal(XLDataType.Number, sheet.Cell(i + 2, 3).DataType);
            Assert.Equal(orders.Data[i].Value!.Value, sheet.Cell(i + 2, 3).GetDouble(), 6);
            Assert.Equal(orders.Data[i].Count, (long)sheet.Cell(i + 2, 4).GetDouble());
        }
        Assert.Equal("yyyy-mm-dd", sheet.Cell(2, 2).Style.NumberFormat.Format);
        Assert.Equal("#,##0.00", sheet.Cell(2, 3).Style.NumberFormat.Format);
        Assert.Equal("#,##0", sheet.Cell(2, 4).Style.NumberFormat.Format);
        Assert.InRange(sheet.Column(2).Width, 10, 20);

        var summary = workbook.Worksheet("Summary");
        Assert.Equal("order_value", summary.Cell(2, 1).GetString());
        Assert.Equal(orders.Summary.Total, summary.Cell(2, 4).GetDouble(), 6);
        Assert.Equal(800, summary.Cell(2, 5).GetDouble(), 6);
        Assert.Equal((orders.Summary.Total - 800) / 800, summary.Cell(2, 6).GetDouble(), 6);
        Assert.Equal("0.0%", summary.Cell(2, 6).Style.NumberFormat.Format);
        Assert.Equal("avg", summary.Cell(3, 3).GetString());
        Assert.Equal(50, summary.Cell(3, 4).GetDouble(), 6);
        Assert.Contains(workbook.Worksheet("About").RowsUsed(), r => r.Cell(2).GetString() == $"{TenantName} (fjord)");
    }

    [Fact]
    public async Task Json_holds_the_metadata_and_equals_the_query_result()
    {
        var (file, bytes) = await RenderAsync(Spec(ReportFormat.Json));

        Assert.Equal("application/json; charset=utf-8", file.ContentType);
        using var json = JsonDocument.Parse(bytes);
        var root = json.RootElement;
        Assert.Equal(Title, root.GetProperty("title").GetString());
        Assert.Equal(TenantName, root.GetProperty("tenant").GetProperty("name").GetString());
        Assert.Equal("2026-03-01", root.GetProperty("period").GetProperty("from").GetString());
        Assert.Equal("2026-03-10", root.GetProperty("period").GetProperty("to").GetString());
        Assert.Equal("day", root.GetProperty("group_by").GetString());
        Assert.Equal("Europe/Berlin", root.GetProperty("time_zone").GetString());
        var metric = root.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "order_value");
        var orders = await QueryAsync("order_value", MetricAggregate.Sum, "fulfillment");
        Assert.Equal(orders.Data.Select(p => (p.Date, p.Value, p.Count)),
            metric.GetProperty("data").EnumerateArray().Select(p => (p.GetProperty("date").GetString()!, (double?)p.GetProperty("value").GetDouble(), p.GetProperty("count").GetInt64())));
        Assert.Equal(orders.Summary.Total, metric.GetProperty("summary").GetProperty("total").GetDouble());
        Assert.Equal(orders.Summary.Count, metric.GetProperty("summary").GetProperty("count").GetInt64());
        Assert.Equal(800, metric.GetProperty("previous_value").GetDouble());
        Assert.Equal("sum", metric.GetProperty("agg").GetString());
    }

    [Fact]
    public async Task Pdf_text_holds_the_title_tenant_period_and_kpi_figures_in_real_fonts()
    {
        var (file, bytes) = await RenderAsync(Spec(ReportFormat.Pdf));

        Assert.Equal(("application/pdf", "pdf"), (file.ContentType, file.FileExtension));
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
        var text = await PdfText.ExtractAsync(bytes);
        Assert.Contains(Title, text);
        Assert.Contains(TenantName, text);
        Assert.Contains("Erste Märzdekade: 2026-03-01 – 2026-03-10", text);
        Assert.Contains("Generated 2026-03-15 13:00 Europe/Berlin", text);
        // order_value: 1,055 + 505 = 1,560 against 800 in the ten days before: +95.0 %.
        Assert.Matches(@"order_value\s+fulfillment\s+sum\s+€1,560\.00\s+€800\.00\s+\+95\.0 %\s+20", text);
        Assert.Matches(@"stock_level\s+inventory\s+avg\s+50\s+—\s+—\s+20", text);
        Assert.Contains("Page 1 of", text);
    }

    [Fact]
    public async Task A_report_of_many_metrics_breaks_across_pages_with_numbers_on_each()
    {
        var many = Spec(ReportFormat.Pdf, metrics: ["order_value", "stock_level", "refund_amount", "order_count", "csat", "hire"], modules: []);

        var (_, bytes) = await RenderAsync(many);

        var text = await PdfText.ExtractAsync(bytes);
        var pages = await PdfText.PagesAsync(bytes);
        Assert.InRange(pages, 2, 6);
        for (var page = 1; page <= pages; page++) Assert.Contains($"Page {page} of {pages}", text);
        Assert.Contains("No events in this period.", text);
    }

    [Fact]
    public async Task A_metric_holding_a_value_out_of_range_stays_in_every_format_with_its_problem_and_the_others_keep_their_figures()
    {
        await StoredOverflow.PlantAsync(_host.ConnectionString, _caller.TenantId, "stock_level");
        const string Problem = "Metric stock_level holds a value out of range between -1e15 and 1e15; its figures cannot be computed.";

        var (_, json) = await RenderAsync(Spec(ReportFormat.Json));
        var metrics = JsonDocument.Parse(json).RootElement.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        Assert.Equal(Problem, metrics["stock_level"].GetProperty("problem").GetString());
        Assert.Equal(JsonValueKind.Null, metrics["stock_level"].GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, metrics["stock_level"].GetProperty("summary").ValueKind);
        Assert.Empty(metrics["stock_level"].GetProperty("data").EnumerateArray());
        Assert.Equal(1560, metrics["order_value"].GetProperty("value").GetDouble());

        var (_, csv) = await RenderAsync(Spec(ReportFormat.Csv));
        var rows = ReadCsv(csv);
        Assert.Equal(["stock_level", "inventory", "avg", Problem, "", "", "", "", ""], Assert.Single(rows, r => r[0] == "stock_level"));
        Assert.Equal(10, rows.Count(r => r[0] == "order_value"));

        var (_, xlsx) = await RenderAsync(Spec(ReportFormat.Xlsx));
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        Assert.Equal(Problem, workbook.Worksheet("stock_level").Cell(2, 1).GetString());
        Assert.True(workbook.Worksheet("Summary").Cell(3, 4).IsEmpty());

        var (_, pdf) = await RenderAsync(Spec(ReportFormat.Pdf));
        var text = await PdfText.ExtractAsync(pdf);
        Assert.Matches(@"order_value\s+fulfillment\s+sum\s+€1,560\.00", text);
        Assert.Matches(@"stock_level\s+inventory\s+avg\s+—\s+—\s+—\s+—", text);
        Assert.Contains("its figures cannot be computed", text);
    }

    private static List<string[]> ReadCsv(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        using var csv = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        return rows;
    }
}
