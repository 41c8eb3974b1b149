using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Metrics;

/// <summary>
/// Trims each tier past its retention period, in short transactions of at most <see cref="RetentionOptions.BatchSize"/>
/// rows so ingest never waits long. Deleting what is already gone does nothing, so running it twice, or on several
/// nodes at once, is safe.
/// </summary>
public sealed partial class MetricRetention(MetricStore store, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<MetricRetention> logger)
{
    public readonly record struct Trimmed(long RawEvents, long HourlyRollups, long DailyRollups);

    public async Task<Trimmed> TrimAsync(CancellationToken ct)
    {
        var retention = options.Value;
        var coverage = TierCoverage.At(clock.GetUtcNow().UtcDateTime, retention);
        var trimmed = new Trimmed(
            await TrimTierAsync(MetricTier.Raw, coverage.RawFromUtc.Ticks, retention.BatchSize, ct),
            await TrimTierAsync(MetricTier.Hourly, coverage.HourlyFromHour, retention.BatchSize, ct),
            await TrimTierAsync(MetricTier.Daily, coverage.DailyFromDay, retention.BatchSize, ct));
        if (trimmed != default) LogTrimmed(logger, trimmed.RawEvents, trimmed.HourlyRollups, trimmed.DailyRollups);
        return trimmed;
    }

    private async Task<long> TrimTierAsync(MetricTier tier, long cutoff, int batchSize, CancellationToken ct)
    {
        long total = 0;
        int deleted;
        do
        {
            deleted = await store.TrimAsync(tier, cutoff, batchSize, ct);
            total += deleted;
            if (deleted > 0) await Task.Yield();
        }
        while (deleted == batchSize);
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention removed {Raw} raw events, {Hourly} hourly and {Daily} daily rollup rows")]
    private static partial void LogTrimmed(ILogger logger, long raw, long hourly, long daily);
}
