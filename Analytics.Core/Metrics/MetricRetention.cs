using Analytics.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Metrics;

/// <summary>
/// Trims each tenant's tiers past that tenant's retention periods, in short transactions of at most
/// <see cref="RetentionOptions.BatchSize"/> rows so ingest never waits long. Deleting what is already gone does nothing,
/// so running it twice, or on several nodes at once, is safe.
/// </summary>
public sealed partial class MetricRetention(AnalyticsDbContext db, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<MetricRetention> logger)
{
    public readonly record struct Trimmed(long RawEvents, long HourlyRollups, long DailyRollups)
    {
        public static Trimmed operator +(Trimmed a, Trimmed b) => new(a.RawEvents + b.RawEvents, a.HourlyRollups + b.HourlyRollups, a.DailyRollups + b.DailyRollups);
    }

    public async Task<Trimmed> TrimAsync(CancellationToken ct)
    {
        var retention = options.Value;
        var tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);
        var trimmed = default(Trimmed);
        foreach (var tenant in tenants)
        {
            // The cutoffs are the tenant's own periods, not its coverage: after a period was lengthened the rows
            // between the two are kept, though queries do not count on them.
            var now = clock.GetUtcNow().UtcDateTime;
            var periods = RetentionPeriods.For(tenant, retention);
            trimmed += new Trimmed(
                await TrimTierAsync(tenant.Id, MetricTier.Raw, (now - periods.RawEvents).Ticks, retention.BatchSize, ct),
                await TrimTierAsync(tenant.Id, MetricTier.Hourly, TierCoverage.HourOf(now - periods.HourlyRollups), retention.BatchSize, ct),
                await TrimTierAsync(tenant.Id, MetricTier.Daily, DateOnly.FromDateTime(now - periods.DailyRollups).DayNumber, retention.BatchSize, ct));
        }
        if (trimmed != default) LogTrimmed(logger, trimmed.RawEvents, trimmed.HourlyRollups, trimmed.DailyRollups);
        return trimmed;
    }

    private async Task<long> TrimTierAsync(int tenantId, MetricTier tier, long cutoff, int batchSize, CancellationToken ct)
    {
        long total = 0;
        int deleted;
        do
        {
            deleted = await TrimBatchAsync(tenantId, tier, cutoff, batchSize, ct);
            total += deleted;
            if (deleted > 0) await Task.Yield();
        }
        while (deleted == batchSize);
        return total;
    }

    /// <summary>Deletes at most <paramref name="limit"/> of the tenant's rows of the tier before the cutoff, series by series along the primary keys.</summary>
    private async Task<int> TrimBatchAsync(int tenantId, MetricTier tier, long cutoff, int limit, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
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
            delete.CommandText = tier == MetricTier.Raw
                ? "DELETE FROM MetricEvents WHERE rowid IN (SELECT rowid FROM MetricEvents WHERE TenantId = @tenant AND Name = @name AND Timestamp < @cutoff LIMIT @limit)"
                : $"DELETE FROM {table} WHERE (TenantId, Name, DimKey, DimValue, Bucket, Module) IN " +
                  $"(SELECT TenantId, Name, DimKey, DimValue, Bucket, Module FROM {table} " +
                  "WHERE TenantId = @tenant AND Name = @name AND DimKey = @key AND DimValue = @value AND Bucket < @cutoff LIMIT @limit)";
            Add(delete, "@tenant", tenantId);
            var name = Add(delete, "@name", "");
            var key = Add(delete, "@key", "");
            var value = Add(delete, "@value", "");
            Add(delete, "@cutoff", cutoff);
            var remaining = Add(delete, "@limit", limit);
            foreach (var s in series)
            {
                if (deleted >= limit) break;
                (name.Value, key.Value, value.Value, remaining.Value) = (s.Name, s.Key, s.Value, limit - deleted);
                deleted += await delete.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
            return deleted;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static System.Data.Common.DbParameter Add(System.Data.Common.DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
        return p;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention removed {Raw} raw events, {Hourly} hourly and {Daily} daily rollup rows")]
    private static partial void LogTrimmed(ILogger logger, long raw, long hourly, long daily);
}
