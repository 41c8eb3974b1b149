using System.Data.Common;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Analytics.Core.Metrics;

/// <summary>
/// The PostgreSQL side of <see cref="MetricStore"/>'s writes: raw rows through binary COPY, rollups and catalog as one
/// <c>INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE</c> each, all on the batch's connection and transaction.
/// Rows go in key order, so two nodes writing the same series lock its rows in the same order.
/// </summary>
internal static class PostgresMetricWriter
{
    public static async Task WriteAsync(DbTransaction tx, int tenantId, MetricBatch batch, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)tx.Connection!;
        await CopyRawAsync(connection, tenantId, batch.Raw, ct);
        await UpsertRollupsAsync(connection, tx, "metricrollupshourly", tenantId, batch.Hourly, ct);
        await UpsertRollupsAsync(connection, tx, "metricrollupsdaily", tenantId, batch.Daily, ct);
        await UpsertCatalogAsync(connection, tx, tenantId, batch.Catalog, ct);
    }

    private static async Task CopyRawAsync(NpgsqlConnection connection, int tenantId, List<MetricBatch.RawRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY metricevents (tenantid, name, module, value, timestamp, customerid, dimensions) FROM STDIN (FORMAT BINARY)", ct);
        // Already in series order (MetricBatch.Aggregate).
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(tenantId, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(row.Name, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(row.Module, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(row.Value, NpgsqlDbType.Double, ct);
            await copy.WriteAsync(row.Ticks, NpgsqlDbType.Bigint, ct);
            if (row.CustomerId is null) await copy.WriteNullAsync(ct);
            else await copy.WriteAsync(row.CustomerId, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(row.Dimensions, NpgsqlDbType.Text, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task UpsertRollupsAsync(NpgsqlConnection connection, DbTransaction tx, string table, int tenantId,
        Dictionary<RollupKey, RollupCell> cells, CancellationToken ct)
    {
        if (cells.Count == 0) return;
        var rows = cells.OrderBy(c => c.Key.Name, StringComparer.Ordinal).ThenBy(c => c.Key.DimKey, StringComparer.Ordinal)
            .ThenBy(c => c.Key.DimValue, StringComparer.Ordinal).ThenBy(c => c.Key.Bucket).ThenBy(c => c.Key.Module, StringComparer.Ordinal).ToList();
        await using var upsert = new NpgsqlCommand($"""
            INSERT INTO {table} AS r (tenantid, name, dimkey, dimvalue, bucket, module, count, sum, min, max, last, lastticks)
            SELECT @tenant, u.* FROM unnest(@name, @dimkey, @dimvalue, @bucket, @module, @count, @sum, @min, @max, @last, @lastticks) AS u
            ON CONFLICT (tenantid, name, dimkey, dimvalue, bucket, module) DO UPDATE SET
                count = r.count + excluded.count,
                sum = r.sum + excluded.sum,
                min = least(r.min, excluded.min),
                max = greatest(r.max, excluded.max),
                last = CASE WHEN excluded.lastticks >= r.lastticks THEN excluded.last ELSE r.last END,
                lastticks = greatest(r.lastticks, excluded.lastticks)
            """, connection, (NpgsqlTransaction)tx);
        upsert.Parameters.AddWithValue("tenant", tenantId);
        upsert.Parameters.AddWithValue("name", NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(r => r.Key.Name).ToArray());
        upsert.Parameters.AddWithValue("dimkey", NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(r => r.Key.DimKey).ToArray());
        upsert.Parameters.AddWithValue("dimvalue", NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(r => r.Key.DimValue).ToArray());
        upsert.Parameters.AddWithValue("bucket", NpgsqlDbType.Array | NpgsqlDbType.Bigint, rows.Select(r => r.Key.Bucket).ToArray());
        upsert.Parameters.AddWithValue("module", NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(r => r.Key.Module).ToArray());
        upsert.Parameters.AddWithValue("count", NpgsqlDbType.Array | NpgsqlDbType.Bigint, rows.Select(r => r.Value.Count).ToArray());
        upsert.Parameters.AddWithValue("sum", NpgsqlDbType.Array | NpgsqlDbType.Double, rows.Select(r => r.Value.Sum).ToArray());
        upsert.Parameters.AddWithValue("min", NpgsqlDbType.Array | NpgsqlDbType.Double, rows.Select(r => r.Value.Min).ToArray());
        upsert.Parameters.AddWithValue("max", NpgsqlDbType.Array | NpgsqlDbType.Double, rows.Select(r => r.Value.Max).ToArray());
        upsert.Parameters.AddWithValue("last", NpgsqlDbType.Array | NpgsqlDbType.Double, rows.Select(r => r.Value.Last).ToArray());
        upsert.Parameters.AddWithValue("lastticks", NpgsqlDbType.Array | NpgsqlDbType.Bigint, rows.Select(r => r.Value.LastTicks).ToArray());
        await upsert.ExecuteNonQueryAsync(ct);
    }

    private static async Task UpsertCatalogAsync(NpgsqlConnection connection, DbTransaction tx, int tenantId,
        Dictionary<(string Name, string Module, string DimKey, string DimValue), long> catalog, CancellationToken ct)
    {
        if (catalog.Count == 0) return;
        var rows = catalog.OrderBy(c => c.Key.Name, StringComparer.Ordinal).ThenBy(c => c.Key.Module, StringComparer.Ordinal)
            .ThenBy(c => c.Key.DimKey, StringComparer.Ordinal).ThenBy(c => c.Key.DimValue, StringComparer.Ordinal).ToList();
        await using var upsert = new NpgsqlCommand("""
            INSERT INTO metriccatalog AS c (tenantid, name, module, dimkey, dimvalue, lastticks)
            SELECT @tenant, u.* FROM unnest(@name, @module, @dimkey, @dimvalue, @lastticks) AS u
            ON CONFLICT (tenantid, name, module, dimkey, dimvalue) DO UPDATE SET lastticks = greatest(c.lastticks, excluded.lastticks)
            """, connection, (NpgsqlTransaction)tx);
        upsert.Parameters.AddWithValue("tenant", tenantId);
        upsert.Parameters.AddWithValue("name", NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(r => r.Key.Name).ToArray());
        upsert.Parameters.AddWithValue("module", NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(r => r.Key.Module).ToArray());
        upsert.Parameters.AddWithValue("dimkey", NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(r => r.Key.DimKey).ToArray());
        upsert.Parameters.AddWithValue("dimvalue", NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(r => r.Key.DimValue).ToArray());
        upsert.Parameters.AddWithValue("lastticks", NpgsqlDbType.Array | NpgsqlDbType.Bigint, rows.Select(r => r.Value).ToArray());
        await upsert.ExecuteNonQueryAsync(ct);
    }
}
