using System.Data.Common;
using Analytics.Core.Data;
using Analytics.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static Analytics.Core.Customers.SegmentEvaluator;

namespace Analytics.Core.Customers;

/// <summary>
/// Applies new customer activity to the profiles: first and last seen, LTV (converted with the tenant's rates), order
/// count, then engagement and segment membership of the customers it touched. It walks the activity in id order from
/// the mark in <see cref="CustomerSettlement"/> and moves the mark in the same transaction, so every row counts exactly
/// once, across restarts and nodes. Engagement and segments are recomputed from the profiles and activity as they
/// stand, once per pass for every customer the pass touched, in transactions of their own; should the process stop
/// between the two, the nightly pass or the customer's next activity brings them up to date.
/// Ingest only appends activity; <see cref="CustomerSettlerJob"/> settles shortly after,
/// and every read of profiles or segments settles first when its tenant has unsettled activity, so a caller reads its
/// own writes.
/// </summary>
public sealed partial class CustomerSettler(
    IServiceScopeFactory scopes, SqliteWriteGate writers, IOptions<CustomerOptions> options, TimeProvider clock, ILogger<CustomerSettler> logger)
{
    /// <summary>Activity rows per transaction, so a large backlog never holds the writer for long.</summary>
    public const int Chunk = 5_000;

    /// <summary>Profiles whose engagement and segments are recomputed per transaction.</summary>
    public const int RefreshChunk = 1_000;

    private readonly Lock _gate = new();
    /// <summary>Tenants with activity this process appended and no settle since, with the number of the latest append.</summary>
    private readonly Dictionary<int, long> _pending = [];
    private long _appends;
    private readonly SemaphoreSlim _settling = new(1, 1);
    private readonly SemaphoreSlim _work = new(0, 1);

    /// <summary>Notes that ingest appended activity for the tenant.</summary>
    public void Touched(int tenantId)
    {
        lock (_gate) _pending[tenantId] = ++_appends;
        if (_work.CurrentCount > 0) return;
        try { _work.Release(); }
        catch (SemaphoreFullException) { /* already signalled */ }
    }

    /// <summary>Whether this process appended activity for the tenant that is not settled yet.</summary>
    public bool HasPending(int tenantId)
    {
        lock (_gate) return _pending.ContainsKey(tenantId);
    }

    /// <summary>Waits until ingest appends activity.</summary>
    public Task WaitForWorkAsync(CancellationToken ct) => _work.WaitAsync(ct);

    /// <summary>
    /// Settles before a read of the tenant's profiles or segments. A failure is logged, not thrown: the activity stays
    /// unsettled and the read sees the figures as they were.
    /// </summary>
    public async Task BeforeReadAsync(int tenantId, CancellationToken ct)
    {
        if (!HasPending(tenantId)) return;
        try
        {
            await SettleAllAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
        }
    }

    /// <summary>Applies all unsettled activity, of every tenant, in chunks.</summary>
    public async Task SettleAllAsync(CancellationToken ct)
    {
        await _settling.WaitAsync(ct);
        try
        {
            // A tenant stays pending until a settle that started after its latest append has committed, so a read
            // never takes a settle in flight for a finished one.
            long upTo;
            lock (_gate) upTo = _appends;
            var touched = new Dictionary<int, HashSet<long>>();
            while (await SettleChunkAsync(touched, ct)) { }
            await RefreshAsync(touched, ct);
            lock (_gate)
                foreach (var (tenant, append) in _pending.ToList())
                    if (append <= upTo) _pending.Remove(tenant);
        }
        finally
        {
            _settling.Release();
        }
    }

    /// <summary>One transaction: the next chunk of activity applied and the mark moved past it; true when more may follow.</summary>
    private async Task<bool> SettleChunkAsync(Dictionary<int, HashSet<long>> touched, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var rates = scope.ServiceProvider.GetRequiredService<TenantCurrencies>();
        var o = options.Value;
        var bound = await SettledBoundAsync(db, ct);
        using var turn = await writers.EnterAsync(db, ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var transaction = tx.GetDbTransaction();
            var postgres = transaction is Npgsql.NpgsqlTransaction;
            // Writing first takes the write lock before the mark is read, so two settlers never apply the same rows.
            await using (var claim = Command(transaction, "INSERT INTO CustomerSettlement (Id, LastActivityId) VALUES (1, 0) ON CONFLICT DO NOTHING"))
                await claim.ExecuteNonQueryAsync(ct);
            long mark;
            await using (var read = Command(transaction, "SELECT LastActivityId FROM CustomerSettlement WHERE Id = 1" + (postgres ? " FOR UPDATE" : "")))
                mark = (long)(await read.ExecuteScalarAsync(ct))!;

            var changes = new Dictionary<long, Change>();
            var last = mark;
            var rows = 0;
            await using (var read = Command(transaction, """
                SELECT Id, TenantId, CustomerKey, Ticks, Name, Value, json_extract(Dimensions, '$.currency'), json_extract(Dimensions, '$.country')
                FROM CustomerActivity WHERE Id > @mark AND Id <= @bound ORDER BY Id LIMIT @chunk
                """))
            {
                Add(read, "@mark", mark);
                Add(read, "@bound", bound);
                Add(read, "@chunk", Chunk);
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    rows++;
                    last = reader.GetInt64(0);
                    var key = reader.GetInt64(2);
                    if (!changes.TryGetValue(key, out var change)) changes[key] = change = new Change(reader.GetInt32(1));
                    var ticks = reader.GetInt64(3);
                    change.FirstTicks = Math.Min(change.FirstTicks, ticks);
                    change.LastTicks = Math.Max(change.LastTicks, ticks);
                    var name = reader.GetString(4);
                    change.Events.Add((name, reader.GetDouble(5), reader.IsDBNull(6) ? null : reader.GetValue(6).ToString()));
                    change.Country ??= reader.IsDBNull(7) ? null : CustomerFigures.CountryOf(reader.GetValue(7).ToString());
                }
            }
            if (rows == 0) return false;

            var updates = new List<(long Key, long First, long Last, long Cents, int Orders, string? Country)>(changes.Count);
            foreach (var tenant in changes.Values.Select(c => c.TenantId).Distinct().ToList())
            {
                var currencies = await rates.ForTenantAsync(tenant, ct);
                var unconverted = 0;
                foreach (var (key, change) in changes)
                {
                    if (change.TenantId != tenant) continue;
                    long cents = 0;
                    var orders = 0;
                    foreach (var (name, value, currency) in change.Events)
                    {
                        var c = CustomerFigures.LtvCents(name, value, currency, currencies, o);
                        if (c is null) unconverted++;
                        cents += c ?? 0;
                        if (CustomerFigures.IsOrder(name, o)) orders++;
                    }
                    updates.Add((key, change.FirstTicks, change.LastTicks, cents, orders, change.Country));
                }
                if (unconverted > 0) LogUnconverted(logger, unconverted, tenant);
            }

            await ApplyAsync(transaction, updates, ct);

            await using (var move = Command(transaction, "UPDATE CustomerSettlement SET LastActivityId = @last WHERE Id = 1"))
            {
                Add(move, "@last", last);
                await move.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
            foreach (var (key, change) in changes)
            {
                if (!touched.TryGetValue(change.TenantId, out var keys)) touched[change.TenantId] = keys = [];
                keys.Add(key);
            }
            return rows == Chunk;
        });
    }

    /// <summary>Recomputes engagement and segment membership of the profiles a pass touched, a few thousand per transaction.</summary>
    private async Task RefreshAsync(Dictionary<int, HashSet<long>> touched, CancellationToken ct)
    {
        var o = options.Value;
        foreach (var (tenantId, keys) in touched)
            foreach (var chunk in keys.Order().Chunk(RefreshChunk))
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
                var now = clock.GetUtcNow().UtcDateTime;
                using var turn = await writers.EnterAsync(db, ct);
                await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
                {
                    await using var tx = await db.Database.BeginTransactionAsync(ct);
                    var transaction = tx.GetDbTransaction();
                    await CustomerActivityRecorder.RescoreAsync(transaction, tenantId, chunk, now, o, ct);
                    await EvaluateProfilesAsync(transaction, tenantId, chunk, now, ct);
                    await tx.CommitAsync(ct);
                });
            }
    }

    /// <summary>
    /// The highest activity id that may be settled. SQLite has one writer, so every committed id is final. PostgreSQL
    /// hands out ids before commit: a moment's SHARE lock waits for the transactions inserting activity, after which
    /// every id up to the current maximum is committed or gone for good.
    /// </summary>
    private static async Task<long> SettledBoundAsync(AnalyticsDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return long.MaxValue;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await using var command = Command(tx.GetDbTransaction(), "LOCK TABLE customeractivity IN SHARE MODE; SELECT coalesce(max(id), 0) FROM customeractivity");
        var bound = (long)(await command.ExecuteScalarAsync(ct))!;
        await tx.CommitAsync(ct);
        return bound;
    }

    private static async Task ApplyAsync(System.Data.Common.DbTransaction tx, List<(long Key, long First, long Last, long Cents, int Orders, string? Country)> updates, CancellationToken ct)
    {
        if (tx is Npgsql.NpgsqlTransaction pg)
        {
            await using var batch = new Npgsql.NpgsqlCommand("""
                UPDATE customers AS c SET
                    firstseen = least(c.firstseen, u.firstseen), lastseen = greatest(c.lastseen, u.lastseen),
                    ltvcents = c.ltvcents + u.cents, ordercount = c.ordercount + u.orders, country = coalesce(c.country, u.country)
                FROM unnest(@id, @firstseen, @lastseen, @cents, @orders, @country) AS u (id, firstseen, lastseen, cents, orders, country)
                WHERE c.id = u.id
                """, pg.Connection, pg);
            batch.Parameters.AddWithValue("id", updates.Select(u => u.Key).ToArray());
            batch.Parameters.AddWithValue("firstseen", updates.Select(u => u.First).ToArray());
            batch.Parameters.AddWithValue("lastseen", updates.Select(u => u.Last).ToArray());
            batch.Parameters.AddWithValue("cents", updates.Select(u => u.Cents).ToArray());
            batch.Parameters.AddWithValue("orders", updates.Select(u => u.Orders).ToArray());
            batch.Parameters.AddWithValue("country", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Varchar, updates.Select(u => u.Country).ToArray());
            await batch.ExecuteNonQueryAsync(ct);
            return;
        }
        using var update = SqliteRowWriter.On(tx, """
            UPDATE Customers SET
                FirstSeen = min(FirstSeen, ?2), LastSeen = max(LastSeen, ?3), LtvCents = LtvCents + ?4, OrderCount = OrderCount + ?5,
                Country = coalesce(Country, ?6)
            WHERE Id = ?1
            """);
        foreach (var (key, first, last, cents, orders, country) in updates)
        {
            update.Bind(1, key).Bind(2, first).Bind(3, last).Bind(4, cents).Bind(5, orders).Bind(6, country);
            update.Execute(ct);
        }
    }

    /// <summary>What a chunk's activity adds to one profile.</summary>
    private sealed class Change(int tenantId)
    {
        public int TenantId { get; } = tenantId;
        public long FirstTicks = long.MaxValue;
        public long LastTicks = long.MinValue;
        public string? Country;
        public List<(string Name, double Value, string? Currency)> Events { get; } = [];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling customer activity failed; it stays unsettled for the next pass")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} revenue events of tenant {TenantId} carry a currency without an exchange rate; they do not count toward lifetime value")]
    private static partial void LogUnconverted(ILogger logger, int count, int tenantId);
}
