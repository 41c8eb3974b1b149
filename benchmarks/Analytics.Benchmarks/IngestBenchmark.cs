using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace Analytics.Benchmarks;

/// <summary>
/// <c>ingest</c>: the real app in its own process on a fresh SQLite file, fed over loopback HTTP — batched POSTs
/// sequentially and from two clients, then single-event POSTs over several connections — followed by an
/// in-process split of one batch's time into its phases.
/// </summary>
public sealed class IngestBenchmark(CommandOptions options)
{
    private const string Tenant = "bench";
    private const int WarmupBatches = 3;
    private const int WarmupRequests = 200;
    private const int PhaseBatches = 30;

    private int Batches => options.Int("batches", 100);
    private int BatchSize => options.Int("batch-size", 10_000);
    private int Requests => options.Int("requests", 5_000);
    private int Connections => options.Int("connections", 8);
    /// <summary>How far back the events' timestamps reach: 30 days is a backfill, a few minutes is live traffic.</summary>
    private int WindowMinutes => options.Int("window-minutes", 30 * 24 * 60);

    /// <summary><c>--http 0</c> runs only the in-process phase split.</summary>
    private bool Http => options.Int("http", 1) != 0;
    /// <summary><c>--customers 0</c> sends plain metric events only: no customer side in the figures.</summary>
    private bool Customers => options.Int("customers", 1) != 0;

    public async Task<int> RunAsync(TextWriter output, CancellationToken ct)
    {
        using var scratch = new ScratchFolder();
        if (Http && await RunHttpAsync(output, scratch, ct) is var code and not 0) return code;

        var nowUtc = DateTime.UtcNow;
        await using (var core = await InProcessCore.StartAsync(scratch.File("phases.db"), nowUtc, new Dictionary<string, string?>(), ct))
        {
            var caller = await core.CreateTenantAsync(Tenant, ct);
            var phases = new IngestPhases(core, caller, nowUtc);
            var result = await phases.MeasureAsync(new SyntheticEvents(nowUtc.AddMinutes(-WindowMinutes), nowUtc.AddSeconds(-1), 2L * PhaseBatches * BatchSize, customers: Customers), PhaseBatches, BatchSize, ct);
            IngestPhases.Write(output, result);
        }
        return 0;
    }

    private async Task<int> RunHttpAsync(TextWriter output, ScratchFolder scratch, CancellationToken ct)
    {
        if (AppUnderTest.Locate(options) is not { } app) return 2;

        var environment = new Dictionary<string, string>
        {
            ["Database__ConnectionString"] = $"Data Source={scratch.File("ingest.db")}",
            ["Seed__Demo__Enabled"] = "false",
            ["Ingest__MaxEvents"] = BatchSize.ToString(),
            ["Ingest__MaxBytes"] = (16 * 1024 * 1024).ToString(),
            // One client far over any budget on purpose; the test suite measures the limits.
            ["RateLimits__Enabled"] = "false",
        };
        output.WriteLine($"App: {app} (its own process; client and server share the machine's {Environment.ProcessorCount} cores)");
        await AppUnderTest.RunCliAsync(app, environment, ["tenant", "create", Tenant], ct);
        var key = (await AppUnderTest.RunCliAsync(app, environment, ["apikey", "create", "--tenant", Tenant, "--scope", "write", "--role", "admin"], ct))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();

        // Every body is serialized before the clock starts, so the client spends its time sending, not building JSON.
        var nowUtc = DateTime.UtcNow;
        var total = (long)(WarmupBatches + 2 * Batches) * BatchSize + WarmupRequests + Requests;
        var source = new SyntheticEvents(nowUtc.AddMinutes(-WindowMinutes), nowUtc.AddSeconds(-1), total, customers: Customers);
        var warmupBatches = Bodies(source, WarmupBatches);
        var sequentialBatches = Bodies(source, Batches);
        var concurrentBatches = Bodies(source, Batches);
        var singles = source.Next(WarmupRequests + Requests).Select(WireFormat.Serialize).ToList();
        output.WriteLine($"Prepared {total:N0} events over the last {TimeSpan.FromMinutes(WindowMinutes)} (d.hh:mm:ss); a batch body is ~{sequentialBatches[0].Length / 1024.0 / 1024.0:N1} MiB.");

        var port = AppUnderTest.FreePort();
        using var server = AppUnderTest.Start(app, environment, ["--urls", $"http://127.0.0.1:{port}"], out var serverLog);
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
                Timeout = TimeSpan.FromSeconds(120),
            };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            await AppUnderTest.WaitHealthyAsync(http, server, serverLog, ct);

            await PostAllAsync(http, warmupBatches, clients: 1, new Timings(), ct);
            var sequential = new Timings();
            var sequentialServer = new ServerTimings();
            var cpu = new CpuMeter(server);
            var sequentialWall = await PostAllAsync(http, sequentialBatches, clients: 1, sequential, ct, sequentialServer);
            var sequentialCpu = cpu.Lap(Batches);
            var concurrent = new Timings();
            var concurrentServer = new ServerTimings();
            var concurrentWall = await PostAllAsync(http, concurrentBatches, clients: 2, concurrent, ct, concurrentServer);
            var concurrentCpu = cpu.Lap(Batches);

            await PostAllAsync(http, singles[..WarmupRequests], Connections, new Timings(), ct);
            var single = new Timings();
            var singleWall = await PostAllAsync(http, singles[WarmupRequests..], Connections, single, ct);

            var stored = await CountEventsAsync(scratch.File("ingest.db"), ct);
            if (stored != total) throw new InvalidOperationException($"The app stored {stored:N0} events; {total:N0} were sent.");

            output.WriteLine();
            output.WriteLine("| run | requests | events | wall s | events/s | requests/s | latency p50 ms | p95 ms | p99 ms |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            Row(output, $"batched, 1 client, {BatchSize:N0}/POST", sequential, Batches * (long)BatchSize, sequentialWall);
            Row(output, $"batched, 2 clients, {BatchSize:N0}/POST", concurrent, Batches * (long)BatchSize, concurrentWall);
            Row(output, $"single event, {Connections} connections", single, Requests, singleWall);
            output.WriteLine();
            output.WriteLine($"Server time per batch (Server-Timing, p50): 1 client — {sequentialServer}; 2 clients — {concurrentServer}.");
            output.WriteLine($"CPU per batch (all threads, whole run over batches): 1 client — {sequentialCpu}; 2 clients — {concurrentCpu}.");
            output.WriteLine($"Stored events checked: {stored:N0} rows in MetricEvents. Server peak working set: {AppUnderTest.PeakMemory(server)}.");
            output.WriteLine();
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(CancellationToken.None);
        }
        return 0;
    }

    private List<byte[]> Bodies(SyntheticEvents source, int count) =>
        Enumerable.Range(0, count).Select(_ => WireFormat.Serialize(source.Next(BatchSize))).ToList();

    /// <summary>Posts every body once, from <paramref name="clients"/> workers taking the next body in turn; returns the wall time.</summary>
    private static async Task<TimeSpan> PostAllAsync(HttpClient http, IReadOnlyList<byte[]> bodies, int clients, Timings latency, CancellationToken ct, ServerTimings? server = null)
    {
        var next = -1;
        var perWorker = Enumerable.Range(0, clients).Select(_ => new List<double>()).ToArray();
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(perWorker.Select(async mine =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                var started = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync($"api/{Tenant}/metrics", content, ct);
                if (response.StatusCode != HttpStatusCode.Created)
                    throw new InvalidOperationException($"POST {i} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (server is not null && response.Headers.TryGetValues("Server-Timing", out var timing)) server.Add(string.Join(",", timing));
            }
        }));
        wall.Stop();
        foreach (var ms in perWorker.SelectMany(w => w)) latency.Add(ms);
        return wall.Elapsed;
    }

    private static void Row(TextWriter output, string run, Timings latency, long events, TimeSpan wall) =>
        output.WriteLine($"| {run} | {latency.Count:N0} | {events:N0} | {wall.TotalSeconds:N1} | {events / wall.TotalSeconds:N0} | " +
                         $"{latency.Count / wall.TotalSeconds:N1} | {latency.P50:N1} | {latency.P95:N1} | {latency.P99:N1} |");

    private static async Task<long> CountEventsAsync(string database, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM MetricEvents";
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>CPU time of the server process and of this client between laps.</summary>
    private sealed class CpuMeter(Process server)
    {
        private TimeSpan _server = ServerCpu(server);
        private TimeSpan _client = Process.GetCurrentProcess().TotalProcessorTime;

        private static TimeSpan ServerCpu(Process process)
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }

        public string Lap(int batches)
        {
            var (serverNow, clientNow) = (ServerCpu(server), Process.GetCurrentProcess().TotalProcessorTime);
            var text = FormattableString.Invariant(
                $"server {(serverNow - _server).TotalMilliseconds / batches:F0} ms, client {(clientNow - _client).TotalMilliseconds / batches:F0} ms");
            (_server, _client) = (serverNow, clientNow);
            return text;
        }
    }
}
