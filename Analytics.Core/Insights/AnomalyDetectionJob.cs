using Analytics.Core.Data;
using Analytics.Core.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Insights;

/// <summary>
/// Runs the detector for each tenant once its local day has closed: at start (catching up) and then shortly after
/// each tenant-local midnight. A pass that finds nothing new stores nothing, so repeats are harmless.
/// </summary>
public sealed partial class AnomalyDetectionJob(IServiceScopeFactory scopes, IOptions<AnomalyOptions> options, TimeProvider clock, ILogger<AnomalyDetectionJob> logger)
    : BackgroundService
{
    /// <summary>Longest sleep between checks, so a new tenant or a changed clock is noticed.</summary>
    public static readonly TimeSpan MaxSleep = TimeSpan.FromHours(1);

    private readonly Dictionary<int, DateOnly> _checkedDay = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        await Task.Delay(options.Value.StartDelay, clock, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var sleep = MaxSleep;
            try
            {
                sleep = await PassAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
            await Task.Delay(sleep, clock, stoppingToken);
        }
    }

    /// <summary>Checks each tenant whose day changed since its last check; returns how long until the next local midnight, plus a minute.</summary>
    private async Task<TimeSpan> PassAsync(CancellationToken ct)
    {
        List<(int Id, string Zone)> tenants;
        await using (var scope = scopes.CreateAsyncScope())
            tenants = (await scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>().Tenants.AsNoTracking()
                .Select(t => new { t.Id, t.TimeZone }).ToListAsync(ct)).Select(t => (t.Id, t.TimeZone)).ToList();

        var now = clock.GetUtcNow().UtcDateTime;
        var sleep = MaxSleep;
        foreach (var (id, zoneId) in tenants)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            var local = TimeBuckets.ToLocal(now, zone);
            var today = DateOnly.FromDateTime(local);
            if (_checkedDay.GetValueOrDefault(id) != today)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<AnomalyDetector>().DetectAsync(id, ct);
                    _checkedDay[id] = today;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogTenantFailed(logger, e, id);
                }
            }
            var untilMidnight = TimeBuckets.ToUtc(local.Date.AddDays(1), zone) - now + TimeSpan.FromMinutes(1);
            if (untilMidnight < sleep) sleep = untilMidnight;
        }
        return sleep < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : sleep;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Anomaly detection pass failed; the next pass tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Anomaly detection failed for tenant {TenantId}")]
    private static partial void LogTenantFailed(ILogger logger, Exception exception, int tenantId);
}
