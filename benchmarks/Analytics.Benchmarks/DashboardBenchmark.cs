using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Answer = System.Collections.Generic.Dictionary<(string Group, string Bucket), (long Count, double? Value)>;

namespace Analytics.Benchmarks;

/// <summary>
/// <c>dashboard</c>: two years of events in one tenant (UTC) through <see cref="MetricIngestService"/>, then a
/// 12-query dashboard mix answered four ways — the planner (daily rollups), Core's raw tier, a plain GROUP BY on
/// the raw table in SQLite, and the same GROUP BY in DuckDB — timed, and checked to give the same answers.
/// </summary>
public sealed class DashboardBenchmark(CommandOptions options)
{
    private const string Tenant = "bench";
    private const int BatchSize = 10_000;
    private const int Warmups = 3;
    private const double Tolerance = 1e-6;

    private long Events => options.Long("events", 10_000_000);
    private int Reps => options.Int("reps", 30);
    private int RawReps => options.Int("raw-reps", 3);
    private int CoreRawReps => options.Int("core-raw-reps", 2);
    private int DuckReps => options.Int("duck-reps", 5);

    public async Task<int> RunAsync(TextWriter output, CancellationToken ct)
    {
        var now = new DateTime(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        // The daily tier covers whole days from 729 days before today; events start there so every query range is complete.
        var firstDay = now.Date.AddDays(-729);
        using var scratch = new ScratchFolder();
        var settings = new Dictionary<string, string?>
        {
            ["Retention:RawEvents"] = "730.00:00:00",
            ["Retention:HourlyRollups"] = "730.00:00:00",
            ["Ingest:MaxEvents"] = BatchSize.ToString(CultureInfo.InvariantCulture),
        };
        await using var core = await InProcessCore.StartAsync(scratch.File("dashboard.db"), now, settings, ct);
        var caller = await core.CreateTenantAsync(Tenant, ct);

        output.WriteLine($"Loading {Events:N0} events from {firstDay:yyyy-MM-dd} to {now:yyyy-MM-dd HH:mm} UTC in batches of {BatchSize:N0} through MetricIngestService.RecordAsync…");
        await LoadAsync(core, caller, new SyntheticEvents(firstDay, now.AddSeconds(-1), Events), output, ct);
        await ReportSizeAsync(core.ConnectionString, scratch.SizeOf("dashboard.db"), output, ct);

        var mix = Mix(now.Date.AddDays(1));
        var planner = await MeasureAsync("planner (daily tier)", mix, Warmups, Reps, output,
            (q, c) => QueryCoreAsync(core, caller, q, tier: null, c), AnswerOf, ct);
        var wrongTier = planner.Tiers.Select((t, i) => (t, i)).Where(p => p.t != MetricTier.Daily).ToList();
        if (wrongTier.Count > 0)
            throw new InvalidOperationException($"The planner did not use the daily tier for: {string.Join(", ", wrongTier.Select(p => mix[p.i].Title))}");

        var coreRaw = await MeasureAsync("Core raw tier (tier: Raw)", mix, 0, CoreRawReps, output,
            (q, c) => QueryCoreAsync(core, caller, q, MetricTier.Raw, c), AnswerOf, ct);
        Verify(mix, planner, coreRaw, output);

        EngineRun sqlite;
        await using (var connection = new SqliteConnection($"{core.ConnectionString};Pooling=False"))
        {
            await connection.OpenAsync(ct);
            sqlite = await MeasureAsync("SQLite GROUP BY on raw", mix, 0, RawReps, output,
                (q, c) => QuerySqlAsync(connection, SqliteSql(q), q, caller.TenantId, "@", c), a => a, ct);
        }
        Verify(mix, planner, sqlite, output);

        EngineRun duck;
        TimeSpan duckLoad;
        await using (var connection = new DuckDBConnection($"Data Source={scratch.File("raw.duckdb")}"))
        {
            await connection.OpenAsync(ct);
            duckLoad = await LoadDuckDbAsync(core.ConnectionString, connection, ct);
            output.WriteLine($"DuckDB: loaded {Events:N0} raw rows from SQLite in {duckLoad.TotalSeconds:N1} s ({Events / duckLoad.TotalSeconds:N0} rows/s, appender); file {scratch.SizeOf("raw.duckdb") / 1024.0 / 1024.0:N0} MiB.");
            duck = await MeasureAsync("DuckDB GROUP BY on raw", mix, 1, DuckReps, output,
                (q, c) => QuerySqlAsync(connection, DuckDbSql(q), q, caller.TenantId, "$", c), a => a, ct);
        }
        Verify(mix, planner, duck, output);

        Report(mix, planner, coreRaw, sqlite, duck, output);
        return 0;
    }

    private sealed record DashboardQuery(string Title, MetricQuery Query);

    /// <summary>One engine's timings of the mix: per query, per repetition of the whole mix, and its first answers.</summary>
    private sealed class EngineRun(string name, int queries)
    {
        public string Name => name;
        public Timings[] PerQuery { get; } = Enumerable.Range(0, queries).Select(_ => new Timings()).ToArray();
        public Timings Mix { get; } = new();
        public Answer[] Answers { get; } = new Answer[queries];
        public MetricTier[] Tiers { get; } = new MetricTier[queries];
    }

    private static List<DashboardQuery> Mix(DateTime tomorrow)
    {
        DashboardQuery Q(string name, MetricAggregate agg, MetricGrouping groupBy, int days, string? by = null, Dictionary<string, string>? filters = null)
        {
            var title = $"{name} {agg.ToString().ToLowerInvariant()} / {groupBy.ToString().ToLowerInvariant()}, {days} d"
                        + (by is null ? "" : $", by {by}") + (filters is null ? "" : $", {string.Join(", ", filters.Select(f => $"{f.Key}={f.Value}"))}");
            return new DashboardQuery(title, new MetricQuery(name, tomorrow.AddDays(-days), tomorrow, groupBy, agg, null, filters, by));
        }
        return
        [
            Q("order_value", MetricAggregate.Sum, MetricGrouping.Day, 30),
            Q("order_value", MetricAggregate.Sum, MetricGrouping.Week, 90),
            Q("order_value", MetricAggregate.Sum, MetricGrouping.Month, 365),
            Q("order_value", MetricAggregate.Avg, MetricGrouping.Month, 730),
            Q("order_count", MetricAggregate.Count, MetricGrouping.Day, 90),
            Q("ticket_opened", MetricAggregate.Count, MetricGrouping.Week, 365),
            Q("csat", MetricAggregate.Avg, MetricGrouping.Month, 365),
            Q("stock_level", MetricAggregate.Last, MetricGrouping.Day, 30),
            Q("oee", MetricAggregate.Max, MetricGrouping.Week, 180),
            Q("points_earned", MetricAggregate.Sum, MetricGrouping.Quarter, 730),
            Q("order_value", MetricAggregate.Sum, MetricGrouping.Month, 365, by: "country"),
            Q("email_open", MetricAggregate.Count, MetricGrouping.Day, 90, filters: new() { ["country"] = "DE" }),
        ];
    }

    private static async Task LoadAsync(InProcessCore core, Caller caller, SyntheticEvents source, TextWriter output, CancellationToken ct)
    {
        const long Segment = 1_000_000;
        var recording = TimeSpan.Zero;
        var segment = TimeSpan.Zero;
        var wall = Stopwatch.StartNew();
        var rates = new List<double>();
        while (source.Remaining > 0)
        {
            var events = source.Next(BatchSize);
            var started = Stopwatch.GetTimestamp();
            await using (var scope = core.Scope(caller))
                await scope.ServiceProvider.GetRequiredService<MetricIngestService>().RecordAsync(caller, events, ct);
            var elapsed = Stopwatch.GetElapsedTime(started);
            recording += elapsed;
            segment += elapsed;
            if (source.Produced % Segment == 0 || source.Remaining == 0)
            {
                var inSegment = source.Produced % Segment == 0 ? Segment : source.Produced % Segment;
                rates.Add(inSegment / segment.TotalSeconds);
                output.WriteLine($"  {source.Produced,12:N0} events, {rates[^1],9:N0} events/s over the last {inSegment:N0}, {wall.Elapsed.TotalSeconds,6:N0} s wall");
                segment = TimeSpan.Zero;
            }
        }
        output.WriteLine($"Load: {source.Produced:N0} events in {recording.TotalSeconds:N1} s inside RecordAsync = {source.Produced / recording.TotalSeconds:N0} events/s " +
                         $"(first million {rates[0]:N0}/s, last {rates[^1]:N0}/s; {wall.Elapsed.TotalSeconds:N1} s wall with event generation).");
    }

    private static async Task ReportSizeAsync(string connectionString, long bytesBefore, TextWriter output, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"{connectionString};Pooling=False");
        await connection.OpenAsync(ct);
        await Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)", ct);
        var counts = new List<string>();
        foreach (var table in new[] { "MetricEvents", "MetricRollupsHourly", "MetricRollupsDaily", "MetricCatalog" })
            counts.Add($"{table} {await Scalar<long>(connection, $"SELECT COUNT(*) FROM {table}", ct):N0}");
        var pages = await Scalar<long>(connection, "PRAGMA page_count", ct) * await Scalar<long>(connection, "PRAGMA page_size", ct);
        output.WriteLine($"Database: {pages / 1024.0 / 1024.0:N0} MiB after checkpoint ({bytesBefore / 1024.0 / 1024.0:N0} MiB with WAL before); rows: {string.Join(", ", counts)}.");
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT name, SUM(pgsize) FROM dbstat WHERE name LIKE '%Metric%' GROUP BY name ORDER BY 2 DESC";
            await using var reader = await command.ExecuteReaderAsync(ct);
            var parts = new List<string>();
            while (await reader.ReadAsync(ct)) parts.Add($"{reader.GetString(0)} {reader.GetInt64(1) / 1024.0 / 1024.0:N0} MiB");
            output.WriteLine($"  by table and index: {string.Join(", ", parts)}");
        }
        catch (SqliteException)
        {
            output.WriteLine("  (dbstat is not compiled into this SQLite; no per-table sizes)");
        }
    }

    /// <summary>Runs the mix <paramref name="warmups"/> + <paramref name="reps"/> times; keeps the first timed answers.</summary>
    private static async Task<EngineRun> MeasureAsync<T>(string name, IReadOnlyList<DashboardQuery> mix, int warmups, int reps, TextWriter output,
        Func<MetricQuery, CancellationToken, Task<T>> run, Func<T, Answer> answer, CancellationToken ct)
    {
        var result = new EngineRun(name, mix.Count);
        for (var rep = -warmups; rep < reps; rep++)
        {
            var mixMs = 0.0;
            for (var q = 0; q < mix.Count; q++)
            {
                var started = Stopwatch.GetTimestamp();
                var value = await run(mix[q].Query, ct);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (rep < 0) continue;
                result.PerQuery[q].Add(ms);
                mixMs += ms;
                if (rep == 0)
                {
                    result.Answers[q] = answer(value);
                    if (value is MetricSeries series) result.Tiers[q] = series.Tier;
                }
            }
            if (rep >= 0) result.Mix.Add(mixMs);
            if (rep >= 0 && (mixMs > 2_000 || rep == reps - 1))
                output.WriteLine($"  {name}: repetition {rep + 1}/{reps} of the mix took {mixMs:N1} ms");
        }
        return result;
    }

    private static async Task<MetricSeries> QueryCoreAsync(InProcessCore core, Caller caller, MetricQuery query, MetricTier? tier, CancellationToken ct)
    {
        await using var scope = core.Scope(caller);
        return await scope.ServiceProvider.GetRequiredService<MetricQueryService>().QueryAsync(caller, query, ct, tier);
    }

    private static Answer AnswerOf(MetricSeries series)
    {
        var answer = new Answer();
        if (series.Query.By is null)
            foreach (var point in series.Data.Where(p => p.Count > 0)) answer[("", point.Date)] = (point.Count, point.Value);
        else
            foreach (var group in series.Breakdown)
            foreach (var point in group.Data.Where(p => p.Count > 0))
                answer[(group.Value, point.Date)] = (point.Count, point.Value);
        return answer;
    }

    /// <summary>The dashboard query as one GROUP BY over raw events in SQLite; the tenant zone is UTC, so buckets are UTC dates.</summary>
    private static string SqliteSql(MetricQuery q)
    {
        const string seconds = "(Timestamp - 621355968000000000) / 10000000";
        var bucket = q.GroupBy switch
        {
            MetricGrouping.Day => $"date({seconds}, 'unixepoch')",
            MetricGrouping.Week => $"date({seconds}, 'unixepoch', '-6 days', 'weekday 1')",
            MetricGrouping.Month => $"strftime('%Y-%m', {seconds}, 'unixepoch')",
            MetricGrouping.Quarter => $"strftime('%Y', {seconds}, 'unixepoch') || '-Q' || ((CAST(strftime('%m', {seconds}, 'unixepoch') AS INTEGER) + 2) / 3)",
            _ => throw new ArgumentOutOfRangeException(nameof(q)),
        };
        // For "last", SQLite fills the bare column Value from the row that holds MAX(Timestamp), the query's only min/max aggregate.
        var value = q.Agg switch
        {
            MetricAggregate.Last => "Value, MAX(Timestamp)",
            _ => SqlAggregate(q.Agg),
        };
        return Sql(q, bucket, value, "Timestamp", key => $"json_extract(Dimensions, '$.{key}')", "@");
    }

    /// <summary>The same GROUP BY in DuckDB's dialect, on a table that also holds the timestamp as a TIMESTAMP for bucketing.</summary>
    private static string DuckDbSql(MetricQuery q)
    {
        var bucket = q.GroupBy switch
        {
            MetricGrouping.Day => "strftime(EventTime, '%Y-%m-%d')",
            MetricGrouping.Week => "strftime(date_trunc('week', EventTime), '%Y-%m-%d')",
            MetricGrouping.Month => "strftime(EventTime, '%Y-%m')",
            MetricGrouping.Quarter => "concat(year(EventTime), '-Q', quarter(EventTime))",
            _ => throw new ArgumentOutOfRangeException(nameof(q)),
        };
        var value = q.Agg == MetricAggregate.Last ? "arg_max(Value, Ticks)" : SqlAggregate(q.Agg);
        return Sql(q, bucket, value, "Ticks", key => $"json_extract_string(Dimensions, '$.{key}')", "$");
    }

    private static string SqlAggregate(MetricAggregate agg) => agg switch
    {
        MetricAggregate.Sum => "SUM(Value)",
        MetricAggregate.Avg => "AVG(Value)",
        MetricAggregate.Min => "MIN(Value)",
        MetricAggregate.Max => "MAX(Value)",
        MetricAggregate.Count => "COUNT(*)",
        _ => throw new ArgumentOutOfRangeException(nameof(agg)),
    };

    private static string Sql(MetricQuery q, string bucket, string value, string ticks, Func<string, string> dimension, string p)
    {
        var where = $"TenantId = {p}tenant AND Name = {p}name AND {ticks} >= {p}from AND {ticks} < {p}to";
        var f = 0;
        foreach (var key in q.FiltersOrEmpty.Keys) where += $" AND {dimension(key)} = {p}filter{f++}";
        if (q.By is not null) where += $" AND {dimension(q.By)} IS NOT NULL";
        var group = q.By is null ? "''" : dimension(q.By);
        return $"SELECT {group} AS g, {bucket} AS b, COUNT(*) AS n, {value} AS v FROM MetricEvents WHERE {where} GROUP BY g, b";
    }

    private static async Task<Answer> QuerySqlAsync(DbConnection connection, string sql, MetricQuery q, int tenantId, string prefix, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        // SQLite names parameters with their prefix, DuckDB.NET without it.
        var name = (string n) => prefix == "@" ? "@" + n : n;
        Add(command, name("tenant"), tenantId);
        Add(command, name("name"), q.Name);
        Add(command, name("from"), q.FromUtc.Ticks);
        Add(command, name("to"), q.ToUtc.Ticks);
        var f = 0;
        foreach (var filter in q.FiltersOrEmpty.Values) Add(command, name($"filter{f++}"), filter);

        var answer = new Answer();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            answer[(reader.GetString(0), reader.GetString(1))] = (Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture), Convert.ToDouble(reader.GetValue(3), CultureInfo.InvariantCulture));
        return answer;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Copies the raw table into DuckDB with its appender, adding the timestamp as a TIMESTAMP column.</summary>
    private static async Task<TimeSpan> LoadDuckDbAsync(string sqliteConnectionString, DuckDBConnection duck, CancellationToken ct)
    {
        await Execute(duck, """
            CREATE TABLE MetricEvents (
                TenantId INTEGER NOT NULL, Name VARCHAR NOT NULL, Module VARCHAR NOT NULL, Value DOUBLE NOT NULL,
                Ticks BIGINT NOT NULL, EventTime TIMESTAMP NOT NULL, CustomerId VARCHAR, Dimensions VARCHAR NOT NULL)
            """, ct);
        var clock = Stopwatch.StartNew();
        await using (var sqlite = new SqliteConnection($"{sqliteConnectionString};Pooling=False"))
        {
            await sqlite.OpenAsync(ct);
            await using var command = sqlite.CreateCommand();
            command.CommandText = "SELECT TenantId, Name, Module, Value, Timestamp, CustomerId, Dimensions FROM MetricEvents";
            await using var reader = await command.ExecuteReaderAsync(ct);
            using var appender = duck.CreateAppender("MetricEvents");
            while (await reader.ReadAsync(ct))
            {
                var ticks = reader.GetInt64(4);
                var row = appender.CreateRow()
                    .AppendValue(reader.GetInt32(0))
                    .AppendValue(reader.GetString(1))
                    .AppendValue(reader.GetString(2))
                    .AppendValue(reader.GetDouble(3))
                    .AppendValue(ticks)
                    .AppendValue(new DateTime(ticks, DateTimeKind.Utc));
                (reader.IsDBNull(5) ? row.AppendNullValue() : row.AppendValue(reader.GetString(5)))
                    .AppendValue(reader.GetString(6))
                    .EndRow();
            }
        }
        await Execute(duck, "CHECKPOINT", ct);
        return clock.Elapsed;
    }

    /// <summary>Every engine must give the planner's answer: the same buckets, equal counts, values within 1e-6 relative.</summary>
    private static void Verify(IReadOnlyList<DashboardQuery> mix, EngineRun expected, EngineRun actual, TextWriter output)
    {
        var problems = new List<string>();
        var buckets = 0;
        for (var q = 0; q < mix.Count; q++)
        {
            var want = expected.Answers[q];
            var got = actual.Answers[q];
            if (want.Count == 0) problems.Add($"{mix[q].Title}: the planner's answer is empty");
            buckets += want.Count;
            foreach (var key in want.Keys.Union(got.Keys))
            {
                var where = $"{mix[q].Title}, {(key.Group.Length > 0 ? key.Group + " " : "")}{key.Bucket}";
                if (!want.TryGetValue(key, out var w)) problems.Add($"{where}: only {actual.Name} has it");
                else if (!got.TryGetValue(key, out var g)) problems.Add($"{where}: {actual.Name} lacks it");
                else if (w.Count != g.Count) problems.Add($"{where}: count {w.Count} vs {g.Count}");
                else if (!Close(w.Value, g.Value)) problems.Add($"{where}: value {w.Value:R} vs {g.Value:R}");
            }
        }
        if (problems.Count > 0)
            throw new InvalidOperationException($"{actual.Name} disagrees with {expected.Name} in {problems.Count} places:\n  " + string.Join("\n  ", problems.Take(20)));
        output.WriteLine($"  verified: {actual.Name} gives the planner's answers ({buckets:N0} non-empty buckets across {mix.Count} queries).");
    }

    private static bool Close(double? a, double? b) =>
        a is { } x && b is { } y ? Math.Abs(x - y) <= Tolerance * Math.Max(Math.Max(Math.Abs(x), Math.Abs(y)), 1e-9) : a is null && b is null;

    private static void Report(IReadOnlyList<DashboardQuery> mix, EngineRun planner, EngineRun coreRaw, EngineRun sqlite, EngineRun duck, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Per query, ms (planner {planner.Mix.Count} reps after {Warmups} warm-ups; Core raw tier {coreRaw.Mix.Count}; SQLite {sqlite.Mix.Count}; DuckDB {duck.Mix.Count} after 1 warm-up):");
        output.WriteLine();
        output.WriteLine("| # | query | buckets | planner p50 | planner p95 | Core raw tier p50 | SQLite raw p50 | SQLite raw p95 | DuckDB p50 | DuckDB p95 | SQLite/planner | DuckDB/planner |");
        output.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var q = 0; q < mix.Count; q++)
        {
            output.WriteLine($"| {q + 1} | {mix[q].Title} | {planner.Answers[q].Count} | {planner.PerQuery[q].P50:N2} | {planner.PerQuery[q].P95:N2} | " +
                             $"{coreRaw.PerQuery[q].P50:N0} | {sqlite.PerQuery[q].P50:N0} | {sqlite.PerQuery[q].P95:N0} | {duck.PerQuery[q].P50:N1} | {duck.PerQuery[q].P95:N1} | " +
                             $"{sqlite.PerQuery[q].P50 / planner.PerQuery[q].P50:N0}× | {duck.PerQuery[q].P50 / planner.PerQuery[q].P50:N1}× |");
        }
        output.WriteLine();
        output.WriteLine("Whole mix (sum of the 12 queries per repetition), ms:");
        output.WriteLine();
        output.WriteLine("| engine | reps | mix p50 | mix p95 | ratio to planner (p50) |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var run in new[] { planner, coreRaw, sqlite, duck })
            output.WriteLine($"| {run.Name} | {run.Mix.Count} | {run.Mix.P50:N1} | {run.Mix.P95:N1} | {run.Mix.P50 / planner.Mix.P50:N1}× |");
        output.WriteLine();
        output.WriteLine($"Goal 'mix p95 < 50 ms': {(planner.Mix.P95 < 50 ? "met" : "missed")} ({planner.Mix.P95:N1} ms). " +
                         $"Goal '≥ 50× faster than raw SQLite': {(sqlite.Mix.P50 / planner.Mix.P50 >= 50 ? "met" : "missed")} ({sqlite.Mix.P50 / planner.Mix.P50:N0}× at p50, {sqlite.Mix.P95 / planner.Mix.P95:N0}× at p95).");
    }

    private static async Task Execute(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<T> Scalar<T>(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync(ct))!, typeof(T), CultureInfo.InvariantCulture);
    }
}
