using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Analytics.Tests.Api.Metrics;

/// <summary>
/// The promise behind <c>201 Created</c>: a batch the server acknowledged is on disk, whole, in the raw events and in
/// both rollups, even when the server dies the next instant. The built app runs as a child process and is killed
/// with SIGKILL while batches are in flight, then started again on the same SQLite file.
/// </summary>
[Trait("Category", "Durability")]
public sealed class IngestDurabilityTests
{
    private const string Tenant = "durable";
    private const int EventsPerBatch = 200;
    private const int Senders = 4;
    private const int AcknowledgedBeforeKill = 20;
    private static readonly string[] Names = ["durable_a", "durable_b"];
    private static readonly string[] Shards = ["s0", "s1", "s2", "s3"];

    private sealed record Event(string Name, double Value, string Shard, DateTimeOffset Timestamp);

    /// <summary>One POST: half durable_a, half durable_b, every shard equally, integer values unique to the batch so sums are exact.</summary>
    private sealed record Batch(int Number, IReadOnlyList<Event> Events)
    {
        public static Batch Create(int number, DateTimeOffset now) => new(number, Enumerable.Range(0, EventsPerBatch)
            .Select(i => new Event(
                Names[i % Names.Length],
                number * 1_000 + i + 1,
                Shards[i / Names.Length % Shards.Length],
                now.AddSeconds(-((number * 37 + i * 13) % 3_300 + 30))))
            .ToList());

        public object Body => Events.Select(e => new
        {
            name = e.Name,
            value = e.Value,
            module = "fulfillment",
            dimensions = new Dictionary<string, string> { ["shard"] = e.Shard },
            timestamp = e.Timestamp,
        });
    }

    [Fact]
    public async Task Every_acknowledged_event_survives_a_killed_server()
    {
        Assert.SkipWhen(TestDatabase.UsesPostgres, TestDatabase.SqliteOnly);
        var ct = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();
        using var database = new TestDatabase();

        var tenant = await AppProcess.RunCommandAsync(database.Path, ["tenant", "create", Tenant], ct);
        Assert.True(tenant.ExitCode == 0, $"tenant create exited with {tenant.ExitCode}: {tenant.Output}{tenant.Error}");
        var issued = await AppProcess.RunCommandAsync(database.Path, ["apikey", "create", "--tenant", Tenant, "--scope", "write", "--role", "admin"], ct);
        Assert.True(issued.ExitCode == 0, $"apikey create exited with {issued.ExitCode}: {issued.Output}{issued.Error}");
        var key = issued.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        Assert.StartsWith("ak_", key);
        Log($"CLI done at {clock.Elapsed.TotalSeconds:0.0} s");

        // Stream batches from several senders until enough are acknowledged, then kill the server mid-request.
        await using var first = await AppProcess.StartAsync(database.Path, ct);
        Log($"server up at {clock.Elapsed.TotalSeconds:0.0} s");
        using var ingest = first.CreateClient(key);
        var sent = new ConcurrentDictionary<int, Batch>();
        var acknowledged = new ConcurrentDictionary<int, Batch>();
        var refused = new ConcurrentQueue<string>();
        var next = 0;
        var outstanding = 0;
        var killed = 0;

        async Task SendAsync()
        {
            while (Volatile.Read(ref killed) == 0)
            {
                var batch = Batch.Create(Interlocked.Increment(ref next), DateTimeOffset.UtcNow);
                sent[batch.Number] = batch;
                Interlocked.Increment(ref outstanding);
                try
                {
                    using var response = await ingest.PostAsJsonAsync($"/api/{Tenant}/metrics", batch.Body, ct);
                    if (response.StatusCode == HttpStatusCode.Created) acknowledged[batch.Number] = batch;
                    else refused.Enqueue($"batch {batch.Number}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                }
                catch (HttpRequestException) when (Volatile.Read(ref killed) == 1)
                {
                    return;
                }
                catch (HttpRequestException e)
                {
                    refused.Enqueue($"batch {batch.Number}: {e.Message}");
                    return;
                }
                finally
                {
                    Interlocked.Decrement(ref outstanding);
                }
            }
        }

        var senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(SendAsync, ct)).ToList();
        var waiting = Stopwatch.StartNew();
        while (acknowledged.Count < AcknowledgedBeforeKill || Volatile.Read(ref outstanding) == 0)
        {
            Assert.True(refused.IsEmpty, $"The server refused a batch before it was killed: {string.Join("; ", refused)}{Environment.NewLine}{first.Output}");
            if (senders.FirstOrDefault(s => s.IsFaulted) is { } faulted) await faulted;
            Assert.True(waiting.Elapsed < TimeSpan.FromSeconds(30), $"Only {acknowledged.Count} batches acknowledged in 30 s.{Environment.NewLine}{first.Output}");
            await Task.Delay(5, ct);
        }
        Volatile.Write(ref killed, 1);
        var inFlightAtKill = Volatile.Read(ref outstanding);
        await first.KillAsync();
        await Task.WhenAll(senders);
        var wal = new FileInfo(database.Path + "-wal");
        Log($"killed at {clock.Elapsed.TotalSeconds:0.0} s with {inFlightAtKill} requests in flight; {acknowledged.Count} of {sent.Count} batches acknowledged; WAL left behind: {(wal.Exists ? wal.Length : 0)} bytes");

        Assert.True(refused.IsEmpty, string.Join("; ", refused));
        Assert.True(inFlightAtKill > 0, "The kill should land while requests are in flight.");
        var acked = acknowledged.Values.OrderBy(b => b.Number).ToList();
        var unacknowledged = sent.Values.Where(b => !acknowledged.ContainsKey(b.Number)).OrderBy(b => b.Number).ToList();
        // A request the client still counted as open may have had its 201 on the wire already: it is acknowledged.
        Assert.InRange(unacknowledged.Count, 0, Senders);

        // Start again on the same file and ask every tier.
        await using var second = await AppProcess.StartAsync(database.Path, ct);
        Log($"restarted at {clock.Elapsed.TotalSeconds:0.0} s");
        using var query = second.CreateClient(key);
        var now = DateTime.UtcNow;
        var today = now.Date;
        var days = $"from={Day(today.AddDays(-1))}&to={Day(today)}";
        var midHour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 30, 0, DateTimeKind.Utc).AddHours(-2);
        var instants = $"from={Instant(midHour)}&to={Instant(now.AddHours(1))}";

        var hourly = new List<(string Name, JsonElement Body)>();
        var daily = new List<(string Name, JsonElement Body)>();
        var raw = new List<(string Name, JsonElement Body)>();
        foreach (var name in Names)
        {
            hourly.Add((name, await QueryAsync(query, $"name={name}&{days}&group_by=hour&by=shard", "hourly", ct)));
            daily.Add((name, await QueryAsync(query, $"name={name}&{days}&group_by=day&by=shard", "daily", ct)));
            raw.Add((name, await QueryAsync(query, $"name={name}&{instants}&group_by=hour&by=shard", "raw", ct)));
        }
        var stored = Figures(hourly);

        // No acknowledged event lost, and nothing but whole batches beyond them, per name.
        var committedInFlight = 0L;
        foreach (var (name, body) in hourly)
        {
            var count = body.GetProperty("summary").GetProperty("count").GetInt64();
            var ackedCount = acked.Sum(b => b.Events.Count(e => e.Name == name));
            var perBatch = EventsPerBatch / Names.Length;
            Assert.True(count >= ackedCount, $"{name}: {ackedCount - count} acknowledged events were lost ({count} stored, {ackedCount} acknowledged).");
            Assert.True((count - ackedCount) % perBatch == 0, $"{name}: {count - ackedCount} events beyond the acknowledged ones are not whole batches of {perBatch}.");
            Assert.True((count - ackedCount) / perBatch <= unacknowledged.Count, $"{name}: {count - ackedCount} extra events, but only {unacknowledged.Count} batches were in flight.");
            committedInFlight = (count - ackedCount) / perBatch;
        }

        // Exactly the acknowledged batches plus some of the in-flight ones, whole: per name, per shard, counts and sums.
        var possible = Subsets(unacknowledged).Select(extra => Figures(acked.Concat(extra))).ToList();
        Assert.Contains(stored, possible);

        // The rollups and the raw rows tell the same story.
        Assert.Equal(stored, Figures(daily));
        Assert.Equal(stored, Figures(raw));

        await using (var connection = new SqliteConnection($"Data Source={database.Path};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync(ct);
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", (string?)await check.ExecuteScalarAsync(ct));
        }
        Log($"all {acked.Count} acknowledged batches stored, and {committedInFlight} of the {unacknowledged.Count} unacknowledged ones; done at {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static async Task<JsonElement> QueryAsync(HttpClient client, string query, string tier, CancellationToken ct)
    {
        using var response = await client.GetAsync($"/api/{Tenant}/metrics?{query}", ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {text}");
        Assert.Equal(tier, response.Headers.GetValues("X-Analytics-Tier").Single());
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(tier, body.GetProperty("tier").GetString());
        return body;
    }

    /// <summary>Count and total per name and per name and shard, one line each, so a difference reads plainly.</summary>
    private static string Figures(IEnumerable<Batch> batches)
    {
        var events = batches.SelectMany(b => b.Events).ToList();
        return Lines(Names.SelectMany(name =>
        {
            var named = events.Where(e => e.Name == name).ToList();
            return Shards.Select(shard => named.Where(e => e.Shard == shard).ToList())
                .Where(s => s.Count > 0)
                .Select(s => ($"{name} {s[0].Shard}", (long)s.Count, s.Sum(e => e.Value)))
                .Prepend((name, named.Count, named.Sum(e => e.Value)));
        }));
    }

    private static string Figures(IEnumerable<(string Name, JsonElement Body)> answers) =>
        Lines(answers.SelectMany(a => a.Body.GetProperty("breakdown").EnumerateArray()
            .Select(g => ($"{a.Name} {g.GetProperty("value").GetString()}", Count(g), Total(g)))
            .Prepend((a.Name, Count(a.Body), Total(a.Body)))));

    private static long Count(JsonElement e) => e.GetProperty("summary").GetProperty("count").GetInt64();

    private static double Total(JsonElement e) => e.GetProperty("summary").GetProperty("total").GetDouble();

    private static string Lines(IEnumerable<(string Series, long Count, double Total)> figures) =>
        string.Join(Environment.NewLine, figures
            .OrderBy(f => f.Series, StringComparer.Ordinal)
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Series}: {f.Count} events, total {f.Total:0.######}")));

    private static IEnumerable<IEnumerable<Batch>> Subsets(IReadOnlyList<Batch> batches) =>
        Enumerable.Range(0, 1 << batches.Count).Select(mask => batches.Where((_, i) => (mask & (1 << i)) != 0));

    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Log(string message) => TestContext.Current.TestOutputHelper?.WriteLine(message);
}
