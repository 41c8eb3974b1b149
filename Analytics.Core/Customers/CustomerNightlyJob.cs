using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Customers;

/// <summary>Runs <see cref="CustomerMaintenance"/> every day at <see cref="CustomerOptions.NightlyAt"/> (UTC).</summary>
public sealed partial class CustomerNightlyJob(IServiceScopeFactory scopes, IOptions<CustomerOptions> options, TimeProvider clock, ILogger<CustomerNightlyJob> logger)
    : BackgroundService
{
    /// <summary>The next run after <paramref name="nowUtc"/>.</summary>
    public static DateTime NextRun(DateTime nowUtc, TimeSpan at)
    {
        var today = nowUtc.Date + at;
        return today > nowUtc ? today : today.AddDays(1);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await Task.Delay(NextRun(now, options.Value.NightlyAt) - now, clock, stoppingToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CustomerMaintenance>().RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Nightly customer pass failed; the next night tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
