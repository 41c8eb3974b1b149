using System.Data.Common;
using Analytics.Core.Metrics;
using Npgsql;
using NpgsqlTypes;

namespace Analytics.Core.Customers;

// The PostgreSQL writes of the recorder: the batch's new profiles in one insert, their ids in one read, and a binary
// COPY of the activity.
public static partial class CustomerActivityRecorder
{
    private static async Task WritePostgresAsync(DbTransaction tx, int tenantId, Dictionary<string, Customer> customers,
        List<(Customer Customer, long Ticks, MetricEventInput Event, string Dimensions)> activity, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)tx.Connection!;
        var transaction = (NpgsqlTransaction)tx;
        // In key order, so concurrent batches creating the same customers take their index entries in the same order.
        var rows = customers.OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        var ids = rows.Select(r => r.Key).ToArray();
        await using (var create = new NpgsqlCommand("""
            INSERT INTO customers (tenantid, externalid, country, attributes, firstseen, lastseen, ltvcents, ordercount, engagementscore)
            SELECT @tenant, u.externalid, u.country, '{}', u.firstseen, u.lastseen, 0, 0, 0
            FROM unnest(@externalid, @country, @firstseen, @lastseen) AS u (externalid, country, firstseen, lastseen)
            ON CONFLICT (tenantid, externalid) DO NOTHING
            """, connection, transaction))
        {
            create.Parameters.AddWithValue("tenant", tenantId);
            create.Parameters.AddWithValue("externalid", NpgsqlDbType.Array | NpgsqlDbType.Varchar, ids);
            create.Parameters.AddWithValue("country", NpgsqlDbType.Array | NpgsqlDbType.Varchar, rows.Select(r => r.Value.Country).ToArray());
            create.Parameters.AddWithValue("firstseen", NpgsqlDbType.Array | NpgsqlDbType.Bigint, rows.Select(r => r.Value.FirstTicks).ToArray());
            create.Parameters.AddWithValue("lastseen", NpgsqlDbType.Array | NpgsqlDbType.Bigint, rows.Select(r => r.Value.LastTicks).ToArray());
            await create.ExecuteNonQueryAsync(ct);
        }
        await using (var find = new NpgsqlCommand("SELECT externalid, id FROM customers WHERE tenantid = @tenant AND externalid = ANY(@externalid)", connection, transaction))
        {
            find.Parameters.AddWithValue("tenant", tenantId);
            find.Parameters.AddWithValue("externalid", NpgsqlDbType.Array | NpgsqlDbType.Varchar, ids);
            await using var reader = await find.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) customers[reader.GetString(0)].Key = reader.GetInt64(1);
        }

        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY customeractivity (tenantid, customerkey, ticks, name, module, value, dimensions) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var (customer, ticks, e, dimensions) in activity.OrderBy(r => r.Customer.Key).ThenBy(r => r.Ticks))
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(tenantId, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(customer.Key, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(ticks, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(e.Name!, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(e.Module!, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(e.Value!.Value, NpgsqlDbType.Double, ct);
            await copy.WriteAsync(dimensions, NpgsqlDbType.Text, ct);
        }
        await copy.CompleteAsync(ct);
    }
}
