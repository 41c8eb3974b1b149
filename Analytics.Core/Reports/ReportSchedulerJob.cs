using Analytics.Core.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Reports;

/// <summary>
/// Runs <see cref="ReportScheduler"/> passes off the request path: at start, every <see cref="ReportsOptions.PollInterval"/>
/// and whenever <see cref="ReportQueue"/> is woken; trims old runs every <see cref="RetentionOptions.Interval"/>.
/// </summary>
public sealed partial class ReportSchedulerJob(
    IServiceScopeFactory scopes, ReportQueue queue, IOptions<ReportsOptions> options, IOptions<RetentionOptions> retention,
    TimeProvider clock, ILogger<ReportSchedulerJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SchedulerEnabled) return;
        await Task.Yield();
        var lastTrim = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                    await scope.ServiceProvider.GetRequiredService<ReportScheduler>().TickAsync(stoppingToken);
                if (clock.GetUtcNow() - lastTrim >= retention.Value.Interval)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var trimmed = await scope.ServiceProvider.GetRequiredService<ReportRetention>().TrimAsync(stoppingToken);
                    if (trimmed > 0) LogTrimmed(logger, trimmed);
                    lastTrim = clock.GetUtcNow();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
            try
            {
                await queue.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Report scheduler pass failed; the next pass tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report retention removed {Runs} runs and their files")]
    private static partial void LogTrimmed(ILogger logger, int runs);
}
