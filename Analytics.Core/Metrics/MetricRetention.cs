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
public sealed partial class MetricRetention(AnalyticsDbContext db, MetricStore store, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<MetricRetention> logger)
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
            deleted = await store.TrimAsync(tenantId, tier, cutoff, batchSize, ct);
            total += deleted;
            if (deleted > 0) await Task.Yield();
        }
        while (deleted == batchSize);
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention removed {Raw} raw events, {Hourly} hourly and {Daily} daily rollup rows")]
    private static partial void LogTrimmed(ILogger logger, long raw, long hourly, long daily);
}
