using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Analytics.Benchmarks;

/// <summary>
/// <c>soak</c>: the real app with its demo tenant under a steady mix for a long while — live ingest batches, metric
/// queries and summaries as dashboards make them, CSV/XLSX exports and dashboard PDFs — counting answers and errors
/// and sampling the server's memory, to show it stays flat and error-free.
/// </summary>
public sealed class SoakBenchmark(CommandOptions options)
{
    private const string DemoKey = "ak_demo_soak_0123456789abcdef0123456789";
    private static readonly string[] Metrics = ["order_value", "order_count", "ticket_opened", "csat", "stock_level", "points_earned", "oee", "email_open"];
    private static readonly string[] Groupings = ["day", "week", "month"];

    private int Minutes => options.Int("minutes", 10);
    private int DemoDays => options.Int("demo-days", 365);

    public async Task<int> RunAsync(TextWriter output, CancellationToken ct)
    {
        if (AppUnderTest.Locate(options) is not { } app) return 2;
        using var scratch = new ScratchFolder();
        var environment = new Dictionary<string, string>
        {
            ["Database__ConnectionString"] = $"Data Source={scratch.File("soak.db")}",
            ["Seed__Demo__Days"] = DemoDays.ToString(),
            ["Seed__Demo__ApiKey"] = DemoKey,
            // The soak is one client far over any person's budget; limits are measured by the test suite.
            ["RateLimits__Enabled"] = "false",
        };
        var port = AppUnderTest.FreePort();
        using var server = AppUnderTest.Start(app, environment, ["--urls", $"http://127.0.0.1:{port}"], out var log);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(120) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DemoKey);
            await AppUnderTest.WaitHealthyAsync(http, server, log, ct, TimeSpan.FromMinutes(5));
            output.WriteLine($"App: {app}; demo tenant with {DemoDays} days of history; soak of {Minutes} min.");

            var stats = new Dictionary<string, (Timings Latency, int Errors)>();
            var memory = new List<(TimeSpan At, long WorkingSet)>();
            var firstErrors = new Dictionary<string, string>();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            stop.CancelAfter(TimeSpan.FromMinutes(Minutes));
            var clock = Stopwatch.StartNew();
            var random = new Random(20261126);
            var events = new SyntheticEvents(DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(Minutes), 100_000_000);
            var today = DateTime.UtcNow.Date;

            async Task Loop(string kind, TimeSpan pause, Func<Task<HttpResponseMessage>> send)
            {
                while (!stop.IsCancellationRequested)
                {
                    var started = Stopwatch.GetTimestamp();
                    var ok = false;
                    try
                    {
                        using var response = await send();
                        ok = response.IsSuccessStatusCode;
                        if (ok) await response.Content.CopyToAsync(Stream.Null, stop.Token);
                        else Failed(kind, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(stop.Token)}");
                    }
                    catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
                    catch (HttpRequestException e) { Failed(kind, e.Message); }
                    lock (stats)
                    {
                        var (latency, errors) = stats.GetValueOrDefault(kind, (new Timings(), 0));
                        latency.Add(Stopwatch.GetElapsedTime(started));
                        stats[kind] = (latency, errors + (ok ? 0 : 1));
                    }
                    try { await Task.Delay(pause, stop.Token); } catch (OperationCanceledException) { return; }
                }
            }

            void Failed(string kind, string what)
            {
                lock (firstErrors) firstErrors.TryAdd(kind, what.Length > 400 ? what[..400] : what);
            }

            string Pick(string[] values) { lock (random) return values[random.Next(values.Length)]; }
            int Days() { lock (random) return random.Next(7, 730); }

            var workers = new[]
            {
                Loop("ingest batch (1 000 events)", TimeSpan.FromMilliseconds(250), () =>
                {
                    byte[] body;
                    lock (events) body = WireFormat.Serialize(events.Next(1_000).Select(e => e with { Timestamp = DateTimeOffset.UtcNow }).ToList());
                    var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    return http.PostAsync("api/demo/metrics", content, stop.Token);
                }),
                Loop("metric query", TimeSpan.FromMilliseconds(20), () =>
                    http.GetAsync($"api/demo/metrics?name={Pick(Metrics)}&from={today.AddDays(-Days()):yyyy-MM-dd}&to={today:yyyy-MM-dd}&group_by={Pick(Groupings)}", stop.Token)),
                Loop("metric query", TimeSpan.FromMilliseconds(20), () =>
                    http.GetAsync($"api/demo/metrics?name={Pick(Metrics)}&from={today.AddDays(-90):yyyy-MM-dd}&to={today:yyyy-MM-dd}&group_by=week&by=country", stop.Token)),
                Loop("summary", TimeSpan.FromMilliseconds(500), () =>
                    http.GetAsync($"api/demo/metrics/summary?from={today.AddDays(-30):yyyy-MM-dd}&to={today:yyyy-MM-dd}", stop.Token)),
                Loop("export csv/xlsx", TimeSpan.FromSeconds(2), () =>
                    http.PostAsync("api/analytics/reports/export", JsonContent.Create(new
                    {
                        reportType = Pick(["revenue", "support", "inventory", "marketing"]),
                        from = today.AddDays(-Days()).ToString("yyyy-MM-dd"),
                        to = today.ToString("yyyy-MM-dd"),
                        format = Pick(["csv", "xlsx"]),
                        groupBy = "day",
                    }), stop.Token)),
                Loop("dashboard pdf", TimeSpan.FromSeconds(5), () =>
                    http.GetAsync($"api/demo/dashboards/{Pick(["1", "2", "3", "4"])}/pdf?range=30d", stop.Token)),
                Sample(),
            };

            async Task Sample()
            {
                while (!stop.IsCancellationRequested)
                {
                    server.Refresh();
                    lock (memory) memory.Add((clock.Elapsed, server.WorkingSet64));
                    try { await Task.Delay(TimeSpan.FromSeconds(10), stop.Token); } catch (OperationCanceledException) { return; }
                }
            }

            await Task.WhenAll(workers);
            server.Refresh();
            memory.Add((clock.Elapsed, server.WorkingSet64));
            Write(output, stats, memory, clock.Elapsed, server);
            foreach (var (kind, error) in firstErrors) output.WriteLine($"First error of {kind}: {error}");
            return stats.Values.Sum(s => s.Errors) == 0 ? 0 : 1;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static void Write(TextWriter output, Dictionary<string, (Timings Latency, int Errors)> stats, List<(TimeSpan At, long WorkingSet)> memory, TimeSpan wall, Process server)
    {
        output.WriteLine();
        output.WriteLine("| kind | requests | errors | per s | p50 ms | p95 ms | p99 ms |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (kind, (latency, errors)) in stats.OrderBy(s => s.Key, StringComparer.Ordinal))
            output.WriteLine($"| {kind} | {latency.Count:N0} | {errors:N0} | {latency.Count / wall.TotalSeconds:N1} | {latency.P50:N1} | {latency.P95:N1} | {latency.P99:N1} |");
        output.WriteLine($"| **all** | **{stats.Values.Sum(s => s.Latency.Count):N0}** | **{stats.Values.Sum(s => s.Errors):N0}** | | | | |");
        output.WriteLine();
        static string MiB(long bytes) => $"{bytes / 1024.0 / 1024.0:N0} MiB";
        // The first minute warms caches and the JIT; flatness is judged from there on.
        var settled = memory.Where(m => m.At >= TimeSpan.FromMinutes(1)).ToList();
        if (settled.Count == 0) settled = memory;
        var text = new StringBuilder($"Server working set: first sample {MiB(memory[0].WorkingSet)}, after 1 min {MiB(settled[0].WorkingSet)}, ");
        text.Append($"end {MiB(memory[^1].WorkingSet)}, highest after 1 min {MiB(settled.Max(m => m.WorkingSet))}, peak {AppUnderTest.PeakMemory(server)}.");
        output.WriteLine(text.ToString());
        output.WriteLine($"Samples (min: MiB): {string.Join(", ", memory.Select(m => $"{m.At.TotalMinutes:N1}: {m.WorkingSet / 1024 / 1024}"))}");
    }
}
