using System.Data.Common;
using System.Text.Json;
using Analytics.Core.Metrics;
using Npgsql;
using NpgsqlTypes;

namespace Analytics.Core.Customers;

// The PostgreSQL writes of the recorder: one batched upsert of the touched profiles and a binary COPY of their activity.
public sealed partial class CustomerActivityRecorder
{
    private static async Task UpsertProfilesPostgresAsync(DbTransaction tx, int tenantId, Dictionary<string, Delta> deltas, CancellationToken ct)
    {
        // In key order, so concurrent batches touching the same customers lock their rows in the same order.
        var rows = deltas.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
        await using var upsert = new NpgsqlCommand("""
            INSERT INTO customers AS c (tenantid, externalid, country, attributes, firstseen, lastseen, ltvcents, ordercount, engagementscore)
            SELECT @tenant, u.externalid, u.country, '{}', u.firstseen, u.lastseen, u.ltvcents, u.ordercount, 0
            FROM unnest(@externalid, @country, @firstseen, @lastseen, @ltvcents, @ordercount) AS u (externalid, country, firstseen, lastseen, ltvcents, ordercount)
            ON CONFLICT (tenantid, externalid) DO UPDATE SET
                country = coalesce(c.country, excluded.country),
                firstseen = least(c.firstseen, excluded.firstseen),
                lastseen = greatest(c.lastseen, excluded.lastseen),
                ltvcents = c.ltvcents + excluded.ltvcents,
                ordercount = c.ordercount + excluded.ordercount
            RETURNING externalid, id
            """, (NpgsqlConnection)tx.Connection!, (NpgsqlTransaction)tx);
        upsert.Parameters.AddWithValue("tenant", tenantId);
        upsert.Parameters.AddWithValue("externalid", NpgsqlDbType.Array | NpgsqlDbType.Varchar, rows.Select(r => r.Key).ToArray());
        upsert.Parameters.AddWithValue("country", NpgsqlDbType.Array | NpgsqlDbType.Varchar, rows.Select(r => r.Value.Country).ToArray());
        upsert.Parameters.AddWithValue("firstseen", NpgsqlDbType.Array | NpgsqlDbType.Bigint, rows.Select(r => r.Value.FirstTicks).ToArray());
        upsert.Parameters.AddWithValue("lastseen", NpgsqlDbType.Array | NpgsqlDbType.Bigint, rows.Select(r => r.Value.LastTicks).ToArray());
        upsert.Parameters.AddWithValue("ltvcents", NpgsqlDbType.Array | NpgsqlDbType.Bigint, rows.Select(r => r.Value.LtvCents).ToArray());
        upsert.Parameters.AddWithValue("ordercount", NpgsqlDbType.Array | NpgsqlDbType.Integer, rows.Select(r => r.Value.Orders).ToArray());
        await using var reader = await upsert.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) deltas[reader.GetString(0)].Key = reader.GetInt64(1);
    }

    private static async Task CopyActivityPostgresAsync(DbTransaction tx, int tenantId, IReadOnlyList<MetricEventInput> events, Dictionary<string, Delta> deltas,
        DateTime nowUtc, long activityFrom, CancellationToken ct)
    {
        var rows = events.Where(e => e.CustomerId is { Length: > 0 })
            .Select(e => (Event: e, Key: deltas[e.CustomerId!].Key, Ticks: (e.Timestamp?.UtcDateTime ?? nowUtc).Ticks))
            .Where(r => r.Ticks >= activityFrom)
            .OrderBy(r => r.Key).ThenBy(r => r.Ticks)
            .ToList();
        if (rows.Count == 0) return;
        await using var copy = await ((NpgsqlConnection)tx.Connection!).BeginBinaryImportAsync(
            "COPY customeractivity (tenantid, customerkey, ticks, name, module, value, dimensions) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var (e, key, ticks) in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(tenantId, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(key, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(ticks, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(e.Name!, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(e.Module!, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(e.Value!.Value, NpgsqlDbType.Double, ct);
            await copy.WriteAsync(e.Dimensions is { Count: > 0 } d ? JsonSerializer.Serialize(d) : "{}", NpgsqlDbType.Text, ct);
        }
        await copy.CompleteAsync(ct);
    }
}
