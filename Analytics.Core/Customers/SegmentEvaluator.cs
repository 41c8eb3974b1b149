using System.Data.Common;
using System.Text.Json;
using Analytics.Core.Data;

namespace Analytics.Core.Customers;

/// <summary>
/// Keeps segment membership current with set-based SQL: for every profile (nightly, after a rule change) or for the
/// profiles a write just changed (inside that write's transaction). Members that no longer match leave, new matches
/// join; unchanged members are not rewritten.
/// </summary>
public static class SegmentEvaluator
{
    public readonly record struct Rules(long SegmentId, string Json);

    /// <summary>Seeds the built-in segments a tenant lacks and evaluates them over all its profiles.</summary>
    public static async Task EnsureBuiltInsAsync(DbTransaction tx, int tenantId, DateTime nowUtc, CancellationToken ct)
    {
        await using var count = Command(tx, "SELECT count(*) FROM Segments WHERE TenantId = @tenant AND BuiltIn = TRUE");
        Add(count, "@tenant", tenantId);
        if ((long)(await count.ExecuteScalarAsync(ct))! >= BuiltInSegments.All.Count) return;

        await using var insert = Command(tx, """
            INSERT INTO Segments (TenantId, Name, Description, Rules, BuiltIn, CreatedAt, UpdatedAt, EvaluatedAt)
            VALUES (@tenant, @name, @description, @rules, TRUE, @now, @now, @now)
            ON CONFLICT (TenantId, Name) DO NOTHING RETURNING Id, Rules
            """);
        Add(insert, "@tenant", tenantId);
        Add(insert, "@now", nowUtc);
        var name = Add(insert, "@name", "");
        var description = Add(insert, "@description", "");
        var rules = Add(insert, "@rules", "");
        var created = new List<Rules>();
        foreach (var builtIn in BuiltInSegments.All)
        {
            name.Value = builtIn.Name;
            description.Value = builtIn.Description;
            rules.Value = SegmentRuleParser.ToJson(SegmentRuleParser.Parse(builtIn.Rules));
            await using var reader = await insert.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct)) created.Add(new Rules(reader.GetInt64(0), reader.GetString(1)));
        }
        foreach (var segment in created) await EvaluateAsync(tx, tenantId, segment, null, nowUtc, ct);
    }

    /// <summary>The rules of every segment of a tenant.</summary>
    public static async Task<List<Rules>> AllAsync(DbTransaction tx, int tenantId, CancellationToken ct)
    {
        await using var command = Command(tx, "SELECT Id, Rules FROM Segments WHERE TenantId = @tenant ORDER BY Id");
        Add(command, "@tenant", tenantId);
        var list = new List<Rules>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) list.Add(new Rules(reader.GetInt64(0), reader.GetString(1)));
        return list;
    }

    /// <summary>Re-evaluates every segment of the tenant for the given profiles.</summary>
    public static async Task EvaluateProfilesAsync(DbTransaction tx, int tenantId, IReadOnlyCollection<long> customerKeys, DateTime nowUtc, CancellationToken ct)
    {
        if (customerKeys.Count == 0) return;
        await EnsureBuiltInsAsync(tx, tenantId, nowUtc, ct);
        foreach (var segment in await AllAsync(tx, tenantId, ct)) await EvaluateAsync(tx, tenantId, segment, customerKeys, nowUtc, ct);
    }

    /// <summary>Evaluates one segment over the given profiles, or over all of the tenant's when <paramref name="customerKeys"/> is null.</summary>
    public static async Task EvaluateAsync(DbTransaction tx, int tenantId, Rules segment, IReadOnlyCollection<long>? customerKeys, DateTime nowUtc, CancellationToken ct)
    {
        var sql = SegmentSql.Compile(SegmentRuleParser.Parse(segment.Json), nowUtc);
        // For a few profiles, the list of ids drives the join (CROSS JOIN keeps SQLite from scanning every profile
        // and merely filtering by the list); for all of them, the tenant's profiles are the source.
        var source = customerKeys is null ? "Customers c" : SqlDialect.CustomersOf(tx.Connection!, "@keys");
        var keys = customerKeys is null ? null : JsonSerializer.Serialize(customerKeys);

        await using var leave = Command(tx, $"""
            DELETE FROM SegmentMembers WHERE TenantId = @tenant AND SegmentId = @segment
            {(customerKeys is null ? "" : "AND CustomerKey IN " + SqlDialect.Ids(tx.Connection!, "@keys"))}
            AND CustomerKey NOT IN (SELECT c.Id FROM {source} WHERE c.TenantId = @tenant AND {sql.Where})
            """);
        await using var join = Command(tx, $"""
            INSERT INTO SegmentMembers (TenantId, SegmentId, CustomerKey)
            SELECT @tenant, @segment, c.Id FROM {source} WHERE c.TenantId = @tenant AND {sql.Where}
            ON CONFLICT DO NOTHING
            """);
        foreach (var command in new[] { leave, join })
        {
            Add(command, "@tenant", tenantId);
            Add(command, "@segment", segment.SegmentId);
            if (keys is not null) Add(command, "@keys", keys);
            sql.Bind(command);
            await command.ExecuteNonQueryAsync(ct);
        }
        if (customerKeys is not null) return;
        await using var stamp = Command(tx, "UPDATE Segments SET EvaluatedAt = @now WHERE Id = @segment");
        Add(stamp, "@now", nowUtc);
        Add(stamp, "@segment", segment.SegmentId);
        await stamp.ExecuteNonQueryAsync(ct);
    }

    /// <summary>How many profiles of the tenant the rules select, without storing anything.</summary>
    public static async Task<long> CountAsync(DbTransaction? tx, DbConnection connection, int tenantId, SegmentRule rule, DateTime nowUtc, CancellationToken ct)
    {
        var sql = SegmentSql.Compile(rule, nowUtc);
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"SELECT count(*) FROM Customers c WHERE c.TenantId = @tenant AND {sql.Where}";
        Add(command, "@tenant", tenantId);
        sql.Bind(command);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    internal static DbCommand Command(DbTransaction tx, string sql)
    {
        var command = tx.Connection!.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    internal static DbParameter Add(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
        return p;
    }
}
