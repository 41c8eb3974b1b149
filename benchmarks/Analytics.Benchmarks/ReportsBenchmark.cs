using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Analytics.Core.Data.Demo;
using Analytics.Core.Metrics;
using Analytics.Core.Reports;
using Analytics.Core.Reports.Rendering;
using Analytics.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Benchmarks;

/// <summary>
/// <c>reports</c>: the report writers at size. A CSV of <c>--csv-rows</c> rows (rows/s and the process's peak working
/// set while writing), a workbook of <c>--xlsx-rows</c> rows of 10 cells (the streaming writer, as the threshold
/// picks for that size), and a 6-chart PDF report of the demo tenant's metrics: queried and drawn, then drawn alone.
/// Files go to a scratch folder, or to <c>--out</c> to look at them.
/// </summary>
public sealed class ReportsBenchmark(CommandOptions options)
{
    private static readonly string[] PdfMetrics = ["order_value", "order_count", "refund_amount", "delivery_time_hours", "stock_level", "csat"];

    private long CsvRows => options.Long("csv-rows", 1_000_000);
    private int XlsxRows => options.Int("xlsx-rows", 100_000);
    private int PdfReps => options.Int("pdf-reps", 10);
    private int DemoDays => options.Int("demo-days", 120);

    public async Task<int> RunAsync(TextWriter output, CancellationToken ct)
    {
        using var scratch = new ScratchFolder();
        var folder = options.Text("out") ?? scratch.Path;
        Directory.CreateDirectory(folder);

        await CsvAsync(Path.Combine(folder, "bench.csv"), output, ct);
        await XlsxAsync(Path.Combine(folder, "bench.xlsx"), output, ct);
        await PdfAsync(scratch, Path.Combine(folder, "bench.pdf"), output, ct);
        return 0;
    }

    private async Task CsvAsync(string path, TextWriter output, CancellationToken ct)
    {
        GC.Collect();
        using var peak = new PeakMemory();
        var watch = Stopwatch.StartNew();
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            await CsvReportWriter.WriteAsync(file, CsvReportWriter.Header, CsvRowsAsync(CsvRows, ct), ct);
        watch.Stop();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CSV   {CsvRows:N0} rows, {new FileInfo(path).Length / 1048576.0:N1} MiB in {watch.Elapsed.TotalSeconds:N2} s: {CsvRows / watch.Elapsed.TotalSeconds:N0} rows/s; " +
            $"peak working set {peak.PeakMiB:N0} MiB (started at {peak.StartMiB:N0} MiB), peak managed heap {peak.PeakHeapMiB:N0} MiB (goal ≥ 300,000 rows/s, < 100 MB)"));
    }

    private async Task XlsxAsync(string path, TextWriter output, CancellationToken ct)
    {
        var threshold = new ReportRenderingOptions().XlsxStreamingThreshold;
        XlsxColumn[] columns =
        [
            new("Metric", XlsxColumnKind.Text), new("Period", XlsxColumnKind.Text), new("Start", XlsxColumnKind.Date), new("Value", XlsxColumnKind.Number),
            new("Previous", XlsxColumnKind.Number), new("Change", XlsxColumnKind.Percent), new("Min", XlsxColumnKind.Number), new("Max", XlsxColumnKind.Number),
            new("Average", XlsxColumnKind.Number), new("Events", XlsxColumnKind.Integer),
        ];
        GC.Collect();
        using var peak = new PeakMemory();
        var watch = Stopwatch.StartNew();
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            await XlsxReportWriter.WriteAsync([new XlsxSheet("data", columns, XlsxRowsOf(XlsxRows))], XlsxRows, file, threshold, ct);
        watch.Stop();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"XLSX  {XlsxRows:N0} rows × {columns.Length} cells ({(XlsxRows > threshold ? "streaming Open XML writer" : "ClosedXML")}), {new FileInfo(path).Length / 1048576.0:N1} MiB " +
            $"in {watch.Elapsed.TotalSeconds:N2} s; peak working set {peak.PeakMiB:N0} MiB (goal < 3 s)"));
    }

    private async Task PdfAsync(ScratchFolder scratch, string path, TextWriter output, CancellationToken ct)
    {
        var now = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(12), TimeSpan.Zero);
        var settings = new Dictionary<string, string?>
        {
            ["Seed:Demo:Enabled"] = "true",
            ["Seed:Demo:Days"] = DemoDays.ToString(CultureInfo.InvariantCulture),
            ["Seed:Demo:Password"] = "demo-Analytics-2026",
        };
        await using var core = await InProcessCore.StartAsync(scratch.File("reports.db"), now, settings, ct);
        var seeding = Stopwatch.StartNew();
        await using (var scope = core.Scope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
        Caller caller;
        await using (var scope = core.Scope())
        {
            var tenant = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().FindBySlugAsync(DemoSeeder.Slug, ct)
                ?? throw new InvalidOperationException("The demo tenant was not written.");
            caller = new Caller(tenant.Id, tenant.Slug, null, new HashSet<string> { Roles.Manager }, CanWrite: false);
        }
        output.WriteLine($"PDF   demo tenant written ({DemoDays} days) in {seeding.Elapsed.TotalSeconds:N1} s");

        var (fromUtc, toUtc) = MetricPeriod.Resolve("90d", TimeZoneInfo.Utc, now.UtcDateTime);
        var spec = new ReportSpec("Operations review", ReportFormat.Pdf, PdfMetrics, [], fromUtc, toUtc, "Last 90 days", MetricGrouping.Day, new Dictionary<string, string>());
        var total = new List<double>();
        var drawing = new List<double>();
        byte[] pdf = [];
        for (var rep = 0; rep <= PdfReps; rep++)
        {
            await using var scope = core.Scope(caller);
            var watch = Stopwatch.StartNew();
            var content = await scope.ServiceProvider.GetRequiredService<ReportContentBuilder>().BuildAsync(caller, spec, ct);
            var queried = watch.Elapsed;
            using var buffer = new MemoryStream();
            PdfReportWriter.Write(content, buffer, new ReportRenderingOptions().PdfFontFamilies());
            watch.Stop();
            pdf = buffer.ToArray();
            if (rep == 0) continue; // warm-up: JIT, fonts, ScottPlot's first plot
            total.Add(watch.Elapsed.TotalMilliseconds);
            drawing.Add((watch.Elapsed - queried).TotalMilliseconds);
        }
        await File.WriteAllBytesAsync(path, pdf, ct);
        if (options.Text("out") is { } folder)
        {
            // The demo dashboards as PDFs too, to look at.
            await using var scope = core.Scope(caller with { Roles = new HashSet<string> { Roles.Admin } });
            var admin = caller with { Roles = new HashSet<string> { Roles.Admin } };
            foreach (var dashboard in await scope.ServiceProvider.GetRequiredService<Analytics.Core.Dashboards.DashboardService>().ListAsync(admin, ct))
            {
                var file = await scope.ServiceProvider.GetRequiredService<DashboardPdfService>().RenderAsync(admin, dashboard.Id, "30d", null, null, ct);
                await File.WriteAllBytesAsync(Path.Combine(folder, file.FileName), file.Content, ct);
            }
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"PDF   6 charts over 90 days, {pdf.Length / 1024.0:N0} KiB: median {Median(total):N0} ms queried and drawn, {Median(drawing):N0} ms drawn alone " +
            $"({PdfReps} reps after a warm-up; goal < 1 s){(options.Text("out") is null ? "" : $"; written to {path}")}"));
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> CsvRowsAsync(long count, [EnumeratorCancellation] CancellationToken ct)
    {
        var start = new DateTime(2024, 1, 1);
        var row = new object?[7];
        for (long i = 0; i < count; i++)
        {
            if (i % 65_536 == 0)
            {
                ct.ThrowIfCancellationRequested();
                await Task.Yield();
            }
            var day = start.AddDays(i % 730);
            row[0] = "order_value";
            row[1] = "fulfillment";
            row[2] = "sum";
            row[3] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            row[4] = day;
            row[5] = 1000 + (i % 977) * 1.25;
            row[6] = i % 97;
            yield return row;
        }
    }

    private static IEnumerable<IReadOnlyList<object?>> XlsxRowsOf(int count)
    {
        var start = new DateTime(2024, 1, 1);
        for (var i = 0; i < count; i++)
        {
            var day = start.AddDays(i % 730);
            var value = 1000 + (i % 977) * 1.25;
            yield return ["order_value", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day, value, value * 0.9, 0.111, value / 10, value * 2, value / 3, (long)(i % 97)];
        }
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>Samples the process's working set and managed heap every 20 ms while it lives.</summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly Timer _timer;
        private long _peak;
        private long _peakHeap;

        public PeakMemory()
        {
            StartMiB = Environment.WorkingSet / 1048576.0;
            _timer = new Timer(_ => Sample(), null, 0, 20);
        }

        public double StartMiB { get; }
        public double PeakMiB { get { Sample(); return Interlocked.Read(ref _peak) / 1048576.0; } }
        public double PeakHeapMiB => Interlocked.Read(ref _peakHeap) / 1048576.0;

        private void Sample()
        {
            var set = Environment.WorkingSet;
            var heap = GC.GetTotalMemory(false);
            long seen;
            while (set > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, set, seen) != seen) { }
            while (heap > (seen = Interlocked.Read(ref _peakHeap)) && Interlocked.CompareExchange(ref _peakHeap, heap, seen) != seen) { }
        }

        public void Dispose() => _timer.Dispose();
    }
}
