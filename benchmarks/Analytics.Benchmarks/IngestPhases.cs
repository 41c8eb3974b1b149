using System.Diagnostics;
using System.Text.Json;
using Analytics.Core.Customers;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Analytics.Benchmarks;

/// <summary>
/// Where the time of one ingest batch goes, measured in-process on the public pieces RecordAsync is made of:
/// JSON parse (as the API does it), validation, in-memory aggregation, and the store's write split into one
/// transaction per table (raw rows, hourly rollups, daily rollups, catalog). The split costs three extra commits per
/// batch, so it is compared with the same number of whole RecordAsync calls on the same database.
/// </summary>
public sealed class IngestPhases(InProcessCore core, Caller caller, DateTime nowUtc)
{
    public sealed record Result(
        int Batches, int BatchSize, IReadOnlyDictionary<string, Timings> Phases, IReadOnlyDictionary<string, Timings> Cpu, Timings RecordAsync, Timings RecordAsyncCpu,
        double HourlyCellsPerBatch, double DailyCellsPerBatch, double CatalogEntriesPerBatch);

    public static readonly string[] PhaseNames =
        ["json parse (API)", "validate", "aggregate (MetricBatch)", "  of which dimension JSON", "raw insert", "hourly upsert", "daily upsert", "catalog upsert",
         "customer activity (+ new profiles)", "settle customers (per batch here)"];

    public async Task<Result> MeasureAsync(SyntheticEvents source, int batches, int batchSize, CancellationToken ct)
    {
        var phases = PhaseNames.ToDictionary(n => n, _ => new Timings());
        var cpu = PhaseNames.ToDictionary(n => n, _ => new Timings());
        var recordAsync = new Timings();
        var recordAsyncCpu = new Timings();
        _cpu = cpu;
        var retention = (await ResolveAsync<IOptions<RetentionOptions>>()).Value;
        var ingest = (await ResolveAsync<IOptions<IngestOptions>>()).Value;
        long hourly = 0, daily = 0, catalog = 0;

        for (var b = 0; b < batches; b++)
        {
            var body = WireFormat.Serialize(source.Next(batchSize));
            var clock = Stopwatch.StartNew();
            _cpuMark = ProcessCpu();
            var events = WireFormat.Parse(body);
            Lap(phases, "json parse (API)", clock);

            var errors = new Dictionary<string, List<string>>();
            for (var i = 0; i < events.Count; i++)
                MetricEventValidator.Validate(events[i], $"[{i}]", nowUtc, ingest, retention.DailyRollups, errors);
            if (errors.Count > 0) throw new InvalidOperationException($"Generated events are invalid: {string.Join("; ", errors.Keys.Take(5))}");
            Lap(phases, "validate", clock);

            var batch = MetricBatch.Aggregate(events, TimeZoneInfo.Utc, nowUtc, TierCoverage.At(nowUtc, retention));
            Lap(phases, "aggregate (MetricBatch)", clock);
            hourly += batch.Hourly.Count;
            daily += batch.Daily.Count;
            catalog += batch.Catalog.Count;

            // Aggregate serializes each event's dimensions once; timed alone here to size that share.
            foreach (var e in events) MetricBatch.DimensionsJsonOf(e.Dimensions);
            Lap(phases, "  of which dimension JSON", clock);

            await using var scope = core.Scope(caller);
            var store = scope.ServiceProvider.GetRequiredService<MetricStore>();
            await WriteAsync(store, phases, "raw insert", clock, part => part.Raw.AddRange(batch.Raw), ct);
            await WriteAsync(store, phases, "hourly upsert", clock, part => Copy(batch.Hourly, part.Hourly), ct);
            await WriteAsync(store, phases, "daily upsert", clock, part => Copy(batch.Daily, part.Daily), ct);
            await WriteAsync(store, phases, "catalog upsert", clock, part => Copy(batch.Catalog, part.Catalog), ct);

            clock.Restart();
            _cpuMark = ProcessCpu();
            var touched = CustomerActivityRecorder.Prepare(caller.TenantId, events, batch, nowUtc);
            if (touched is not null)
            {
                await store.WriteAsync(caller.TenantId, new MetricBatch(), ct, touched.WriteAsync);
                Lap(phases, "customer activity (+ new profiles)", clock);
                await scope.ServiceProvider.GetRequiredService<CustomerSettler>().SettleAllAsync(ct);
                Lap(phases, "settle customers (per batch here)", clock);
            }
        }

        for (var b = 0; b < batches; b++)
        {
            var body = WireFormat.Serialize(source.Next(batchSize));
            var clock = Stopwatch.StartNew();
            var started = ProcessCpu();
            var events = WireFormat.Parse(body);
            await using var scope = core.Scope(caller);
            await scope.ServiceProvider.GetRequiredService<MetricIngestService>().RecordAsync(caller, events, ct);
            recordAsync.Add(clock.Elapsed);
            recordAsyncCpu.Add(ProcessCpu() - started);
        }
        return new Result(batches, batchSize, phases, cpu, recordAsync, recordAsyncCpu, (double)hourly / batches, (double)daily / batches, (double)catalog / batches);

        async Task<T> ResolveAsync<T>() where T : notnull
        {
            await using var scope = core.Scope(caller);
            return scope.ServiceProvider.GetRequiredService<T>();
        }
    }

    private async Task WriteAsync(MetricStore store, Dictionary<string, Timings> phases, string phase, Stopwatch clock, Action<MetricBatch> fill, CancellationToken ct)
    {
        var part = new MetricBatch();
        fill(part);
        clock.Restart();
        _cpuMark = ProcessCpu();
        await store.WriteAsync(caller.TenantId, part, ct);
        Lap(phases, phase, clock);
    }

    private static void Copy<TKey, TValue>(Dictionary<TKey, TValue> from, Dictionary<TKey, TValue> to) where TKey : notnull
    {
        foreach (var (key, value) in from) to[key] = value;
    }

    private TimeSpan _cpuMark;
    private Dictionary<string, Timings>? _cpu;

    /// <summary>CPU time of the whole process; the phases run one at a time, so its growth over a phase is that phase's CPU.</summary>
    private static TimeSpan ProcessCpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private void Lap(Dictionary<string, Timings> phases, string phase, Stopwatch clock)
    {
        var now = ProcessCpu();
        _cpu![phase].Add(now - _cpuMark);
        _cpuMark = now;
        phases[phase].Add(clock.Elapsed);
        clock.Restart();
    }

    /// <summary>The phase table: milliseconds per batch (p50) and the share of the summed phases.</summary>
    public static void Write(TextWriter output, Result result)
    {
        // Phases that did not run (the customer ones, for events without customers) are left out.
        var measured = PhaseNames.Where(n => result.Phases[n].Count > 0).ToList();
        bool Summed(string phase) => measured.Contains(phase) && !phase.StartsWith(' ') && phase != "settle customers (per batch here)";
        var total = measured.Where(Summed).Sum(n => result.Phases[n].P50);
        output.WriteLine($"In-process phase split, {result.Batches} batches of {result.BatchSize:N0} events " +
                         $"(per batch: {result.HourlyCellsPerBatch:N0} hourly cells, {result.DailyCellsPerBatch:N0} daily cells, {result.CatalogEntriesPerBatch:N0} catalog entries):");
        output.WriteLine();
        output.WriteLine("| phase | ms per batch p50 | p95 | CPU ms p50 | share | events/s if alone |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var name in measured)
        {
            var t = result.Phases[name];
            output.WriteLine($"| {name} | {t.P50:N1} | {t.P95:N1} | {result.Cpu[name].P50:N1} | {t.P50 / total:P0} | {result.BatchSize / (t.P50 / 1000):N0} |");
        }
        var totalCpu = measured.Where(Summed).Sum(n => result.Cpu[n].P50);
        output.WriteLine($"| **sum of phases** (without settling, which runs apart and once per customer per second) | **{total:N1}** | | **{totalCpu:N1}** | | **{result.BatchSize / (total / 1000):N0}** |");
        output.WriteLine($"| whole RecordAsync (+ JSON parse), next {result.Batches} batches | {result.RecordAsync.P50:N1} | {result.RecordAsync.P95:N1} | {result.RecordAsyncCpu.P50:N1} | | {result.BatchSize / (result.RecordAsync.P50 / 1000):N0} |");
        output.WriteLine();
    }
}
