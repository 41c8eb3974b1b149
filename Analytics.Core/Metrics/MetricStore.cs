using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Analytics.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Analytics.Core.Metrics;

/// <summary>
/// The SQL of the metric tiers: raw events, hourly and daily rollups (WITHOUT ROWID tables clustered by series
/// and bucket) and the catalog of series. Every statement names its tenant; nothing here decides what to ask.
/// </summary>
public sealed class MetricStore(AnalyticsDbContext db, SqliteWriteGate gate)
{
    /// <summary>
    /// Writes a batch — raw rows, rollup upserts and catalog — in one transaction; <paramref name="alongside"/> writes
    /// what else the batch changes (customer activity) in the same transaction, so all of it lands or none.
    /// </summary>
    public Task WriteAsync(int tenantId, MetricBatch batch, CancellationToken ct, Func<DbTransaction, CancellationToken, Task>? alongside = null) =>
        WriteAsync([new MetricWrite(tenantId, batch, alongside)], ct);

    /// <summary>Writes several batches in one transaction, in order (<see cref="MetricWriteQueue"/>'s group commit).</summary>
    public async Task WriteAsync(IReadOnlyList<MetricWrite> writes, CancellationToken ct)
    {
        using var turn = await gate.EnterAsync(db, ct);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var transaction = tx.GetDbTransaction();
            foreach (var (tenantId, batch, alongside) in writes)
            {
                if (transaction is Npgsql.NpgsqlTransaction)
                    await PostgresMetricWriter.WriteAsync(transaction, tenantId, batch, ct);
                else
                {
                    InsertRaw(transaction, tenantId, batch.Raw, ct);
                    UpsertRollups(transaction, "MetricRollupsHourly", tenantId, batch.Hourly, ct);
                    UpsertRollups(transaction, "MetricRollupsDaily", tenantId, batch.Daily, ct);
                    UpsertCatalog(transaction, tenantId, batch.Catalog, ct);
                }
                if (alongside is not null) await alongside(transaction, ct);
            }
            await tx.CommitAsync(ct);
        });
    }

    private static void InsertRaw(DbTransaction tx, int tenantId, List<MetricBatch.RawRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        // The batch is in series order, so consecutive rows land on the same pages of the (TenantId, Name, Timestamp) index.
        using var insert = SqliteRowWriter.On(tx, "INSERT INTO MetricEvents (TenantId, Name, Module, Value, Timestamp, CustomerId, Dimensions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        insert.Bind(1, tenantId);
        foreach (var row in rows)
        {
            insert.Bind(2, row.Name).Bind(3, row.Module).Bind(4, row.Value).Bind(5, row.Ticks).Bind(6, row.CustomerId).Bind(7, row.Dimensions);
            insert.Execute(ct);
        }
    }

    private static void UpsertRollups(DbTransaction tx, string table, int tenantId, Dictionary<RollupKey, RollupCell> cells, CancellationToken ct)
    {
        if (cells.Count == 0) return;
        using var upsert = SqliteRowWriter.On(tx, $"""
            INSERT INTO {table} (TenantId, Name, DimKey, DimValue, Bucket, Module, Count, Sum, Min, Max, Last, LastTicks)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
            ON CONFLICT (TenantId, Name, DimKey, DimValue, Bucket, Module) DO UPDATE SET
                Count = Count + excluded.Count,
                Sum = Sum + excluded.Sum,
                Min = min(Min, excluded.Min),
                Max = max(Max, excluded.Max),
                Last = CASE WHEN excluded.LastTicks >= LastTicks THEN excluded.Last ELSE Last END,
                LastTicks = max(LastTicks, excluded.LastTicks)
            """);
        upsert.Bind(1, tenantId);
        foreach (var (key, cell) in cells)
        {
            upsert.Bind(2, key.Name).Bind(3, key.DimKey).Bind(4, key.DimValue).Bind(5, key.Bucket).Bind(6, key.Module)
                  .Bind(7, cell.Count).Bind(8, cell.Sum).Bind(9, cell.Min).Bind(10, cell.Max).Bind(11, cell.Last).Bind(12, cell.LastTicks);
            upsert.Execute(ct);
        }
    }

    private static void UpsertCatalog(DbTransaction tx, int tenantId, Dictionary<(string Name, string Module, string DimKey, string DimValue), long> catalog, CancellationToken ct)
    {
        if (catalog.Count == 0) return;
        using var upsert = SqliteRowWriter.On(tx, """
            INSERT INTO MetricCatalog (TenantId, Name, Module, DimKey, DimValue, LastTicks)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (TenantId, Name, Module, DimKey, DimValue) DO UPDATE SET LastTicks = max(LastTicks, excluded.LastTicks)
            """);
        upsert.Bind(1, tenantId);
        foreach (var ((name, module, key, value), ticks) in catalog)
        {
            upsert.Bind(2, name).Bind(3, module).Bind(4, key).Bind(5, value).Bind(6, ticks);
            upsert.Execute(ct);
        }
    }


    /// <summary>
    /// A row read from a tier: for raw and hourly <see cref="Time"/> is UTC ticks, for daily the tenant-local day number.
    /// <see cref="Currency"/> is the row's <c>currency</c> when the read splits by it (null for events without one).
    /// </summary>
    public readonly record struct TierRow(string? DimValue, long Time, RollupCell Cell, string? Currency = null);

    /// <summary>
    /// Reads one metric's rows of a tier for a time range, optionally one dimension's values or a filter. With
    /// <paramref name="byCurrency"/> every row also names its currency: raw rows all of them (events without one
    /// included), rollup rows only those of events that had one (see <see cref="CurrencySplit"/>).
    /// </summary>
    public async IAsyncEnumerable<TierRow> ReadAsync(
        int tenantId, MetricTier tier, string name, long from, long to, string? module,
        IReadOnlyDictionary<string, string> filters, string? by, [EnumeratorCancellation] CancellationToken ct, bool byCurrency = false)
    {
        await using var lease = await OpenAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var sql = new StringBuilder();
        Add(command, "@tenant", tenantId);
        Add(command, "@name", name);
        Add(command, "@from", from);
        Add(command, "@to", to);
        // How a rollup row's value reads: as it is, or split into its currency and its dimension value.
        var split = RollupSplit.None;
        if (tier == MetricTier.Raw)
        {
            sql.Append("SELECT ").Append(by is null ? "NULL" : "json_extract(Dimensions, @byPath)")
               .Append(", Timestamp, Value").Append(byCurrency ? ", json_extract(Dimensions, '$.currency')" : "")
               .Append(" FROM MetricEvents WHERE TenantId = @tenant AND Name = @name AND Timestamp >= @from AND Timestamp < @to");
            if (by is not null)
            {
                Add(command, "@byPath", JsonPath(by));
                sql.Append(" AND json_extract(Dimensions, @byPath) IS NOT NULL");
            }
            var f = 0;
            foreach (var (key, value) in filters)
            {
                sql.Append($" AND json_extract(Dimensions, @path{f}) = @value{f}");
                Add(command, $"@path{f}", JsonPath(key));
                Add(command, $"@value{f}", value);
                f++;
            }
        }
        else
        {
            // A rollup row holds one dimension pair at most: the planner never asks for more.
            var (key, value) = by is not null ? (by, (string?)null) : filters.Count == 1 ? (filters.First().Key, filters.First().Value) : ("", "");
            if (byCurrency)
            {
                // Split rows: the currency rows themselves for the series or a currency question, else the dimension's split rows.
                split = key is "" or CurrencySplit.Dimension ? RollupSplit.Currency : RollupSplit.Pair;
                if (key == "") (key, value) = (CurrencySplit.Dimension, null);
                else if (split == RollupSplit.Pair) key = CurrencySplit.KeyOf(key);
            }
            sql.Append("SELECT ").Append(by is null && split == RollupSplit.None ? "NULL" : "DimValue")
               .Append(", Bucket, Count, Sum, Min, Max, Last, LastTicks FROM ")
               .Append(tier == MetricTier.Hourly ? "MetricRollupsHourly" : "MetricRollupsDaily")
               .Append(" WHERE TenantId = @tenant AND Name = @name AND DimKey = @key");
            Add(command, "@key", key);
            if (value is not null && split == RollupSplit.Pair)
            {
                // The filter's value under each currency the metric has been seen in.
                sql.Append(" AND DimValue IN (SELECT DimValue || @separator || @value FROM MetricCatalog WHERE TenantId = @tenant AND Name = @name AND DimKey = @currency)");
                Add(command, "@separator", CurrencySplit.Separator.ToString());
                Add(command, "@value", value);
                Add(command, "@currency", CurrencySplit.Dimension);
            }
            else if (value is not null)
            {
                sql.Append(" AND DimValue = @value");
                Add(command, "@value", value);
            }
            else
            {
                // Naming the values from the catalog lets SQLite seek each value's bucket range in the clustered key
                // instead of scanning every value's whole history.
                sql.Append(" AND DimValue IN (SELECT DimValue FROM MetricCatalog WHERE TenantId = @tenant AND Name = @name AND DimKey = @key)");
            }
            sql.Append(" AND Bucket >= @from AND Bucket < @to");
        }
        if (module is not null)
        {
            sql.Append(" AND Module = @module");
            Add(command, "@module", module);
        }
        if (tier == MetricTier.Raw) sql.Append(" ORDER BY Timestamp");
        command.CommandText = sql.ToString();

        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var dim = reader.IsDBNull(0) ? null : reader.GetValue(0).ToString();
            if (tier == MetricTier.Raw)
            {
                var currency = byCurrency && !reader.IsDBNull(3) ? reader.GetValue(3).ToString() : null;
                yield return new TierRow(dim, reader.GetInt64(1), RollupCell.Of(reader.GetDouble(2), reader.GetInt64(1)), currency);
                continue;
            }
            var cell = new RollupCell
            {
                Count = reader.GetInt64(2),
                Sum = reader.GetDouble(3),
                Min = reader.GetDouble(4),
                Max = reader.GetDouble(5),
                Last = reader.GetDouble(6),
                LastTicks = reader.GetInt64(7),
            };
            yield return split switch
            {
                RollupSplit.Currency => new TierRow(by is null ? null : dim, reader.GetInt64(1), cell, dim),
                RollupSplit.Pair when CurrencySplit.Parse(dim!) is var (currency, value) => new TierRow(by is null ? null : value, reader.GetInt64(1), cell, currency),
                _ => new TierRow(dim, reader.GetInt64(1), cell),
            };
        }
    }

    private enum RollupSplit { None, Currency, Pair }

    /// <summary>One entry of the catalog: a series of a metric seen in a module, and when it was last seen.</summary>
    public readonly record struct CatalogRow(string Name, string Module, string DimKey, string DimValue, long LastTicks);

    public async Task<List<CatalogRow>> CatalogAsync(int tenantId, CancellationToken ct)
    {
        await using var lease = await OpenAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT Name, Module, DimKey, DimValue, LastTicks FROM MetricCatalog WHERE TenantId = @tenant ORDER BY Name, Module, DimKey, DimValue";
        Add(command, "@tenant", tenantId);
        var rows = new List<CatalogRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new CatalogRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4)));
        return rows;
    }

    /// <summary>
    /// Deletes up to <paramref name="limit"/> of a tenant's rows of one tier older than the cutoff, walking the catalog's
    /// series so every delete is a short range scan of the clustered key; returns how many rows went.
    /// </summary>
    public async Task<int> TrimAsync(int tenantId, MetricTier tier, long cutoff, int limit, CancellationToken ct)
    {
        await using var lease = await OpenAsync(ct);
        var connection = db.Database.GetDbConnection();
        var series = new List<(string Name, string Key, string Value)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = tier == MetricTier.Raw
                ? "SELECT DISTINCT Name, '', '' FROM MetricCatalog WHERE TenantId = @tenant"
                : "SELECT DISTINCT Name, DimKey, DimValue FROM MetricCatalog WHERE TenantId = @tenant";
            Add(list, "@tenant", tenantId);
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) series.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        var table = tier == MetricTier.Hourly ? "MetricRollupsHourly" : "MetricRollupsDaily";
        var deleted = 0;
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var delete = connection.CreateCommand();
        delete.Transaction = tx;
        delete.CommandText = tier switch
        {
            MetricTier.Raw when connection is Npgsql.NpgsqlConnection =>
                "DELETE FROM MetricEvents WHERE Id IN (SELECT Id FROM MetricEvents WHERE TenantId = @tenant AND Name = @name AND Timestamp < @cutoff LIMIT @limit)",
            MetricTier.Raw => "DELETE FROM MetricEvents WHERE rowid IN (SELECT rowid FROM MetricEvents WHERE TenantId = @tenant AND Name = @name AND Timestamp < @cutoff LIMIT @limit)",
            _ => $"DELETE FROM {table} WHERE (TenantId, Name, DimKey, DimValue, Bucket, Module) IN " +
                 $"(SELECT TenantId, Name, DimKey, DimValue, Bucket, Module FROM {table} " +
                 "WHERE TenantId = @tenant AND Name = @name AND DimKey = @key AND DimValue = @value AND Bucket < @cutoff LIMIT @limit)",
        };
        var p = Parameters(delete, "@tenant", "@name", "@key", "@value", "@cutoff", "@limit");
        p[0].Value = tenantId;
        p[4].Value = cutoff;
        foreach (var (name, key, value) in series)
        {
            if (deleted >= limit) break;
            (p[1].Value, p[2].Value, p[3].Value, p[5].Value) = (name, key, value, limit - deleted);
            deleted += await delete.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return deleted;
    }

    private static string JsonPath(string key) => $"$.\"{key}\"";

    private static DbParameter[] Parameters(DbCommand command, params string[] names) =>
        names.Select(n =>
        {
            var p = command.CreateParameter();
            p.ParameterName = n;
            command.Parameters.Add(p);
            return p;
        }).ToArray();

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    /// <summary>Opens the context's connection for raw commands if EF has not, and closes it again afterwards.</summary>
    private async Task<IAsyncDisposable> OpenAsync(CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State == ConnectionState.Open) return NoLease.Instance;
        await db.Database.OpenConnectionAsync(ct);
        return new Lease(db);
    }

    private sealed class Lease(AnalyticsDbContext db) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(db.Database.CloseConnectionAsync());
    }

    private sealed class NoLease : IAsyncDisposable
    {
        public static readonly NoLease Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
