using System.Data;
using System.Runtime.CompilerServices;
using System.Text;
using Analytics.Core.Data;
using Analytics.Core.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Core.Customers;

/// <summary>
/// Reads a metric's events of the current members of one segment from customer activity, in the shape the metric
/// tiers answer in, so a metric query narrowed to a segment is exact for as long as activity is kept.
/// </summary>
public sealed class SegmentActivityReader(AnalyticsDbContext db, CustomerSettler settler)
{
    public async IAsyncEnumerable<MetricStore.TierRow> ReadAsync(int tenantId, long segmentId, string name, long fromTicks, long toTicks, string? module,
        IReadOnlyDictionary<string, string> filters, string? by, [EnumeratorCancellation] CancellationToken ct, bool byCurrency = false)
    {
        await settler.BeforeReadAsync(tenantId, ct);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            var sql = new StringBuilder("SELECT ").Append(by is null ? "NULL" : "json_extract(a.Dimensions, @byPath)")
                .Append(", a.Ticks, a.Value, ").Append(byCurrency ? "json_extract(a.Dimensions, '$.currency')" : "NULL").Append("""
                 FROM SegmentMembers m
                JOIN CustomerActivity a ON a.TenantId = m.TenantId AND a.CustomerKey = m.CustomerKey AND a.Ticks >= @from AND a.Ticks < @to
                WHERE m.TenantId = @tenant AND m.SegmentId = @segment AND a.Name = @name
                """);
            Add(command, "@tenant", tenantId);
            Add(command, "@segment", segmentId);
            Add(command, "@name", name);
            Add(command, "@from", fromTicks);
            Add(command, "@to", toTicks);
            if (by is not null)
            {
                Add(command, "@byPath", $"$.\"{by}\"");
                sql.Append(" AND json_extract(a.Dimensions, @byPath) IS NOT NULL");
            }
            var f = 0;
            foreach (var (key, value) in filters)
            {
                sql.Append($" AND json_extract(a.Dimensions, @path{f}) = @value{f}");
                Add(command, $"@path{f}", $"$.\"{key}\"");
                Add(command, $"@value{f}", value);
                f++;
            }
            if (module is not null)
            {
                sql.Append(" AND a.Module = @module");
                Add(command, "@module", module);
            }
            sql.Append(" ORDER BY a.Ticks");
            command.CommandText = sql.ToString();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var ticks = reader.GetInt64(1);
                yield return new MetricStore.TierRow(reader.IsDBNull(0) ? null : reader.GetValue(0).ToString(), ticks, RollupCell.Of(reader.GetDouble(2), ticks),
                    reader.IsDBNull(3) ? null : reader.GetValue(3).ToString());
            }
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(System.Data.Common.DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
