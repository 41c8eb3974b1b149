using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Customers;

/// <summary>
/// Settles customer activity <see cref="CustomerOptions.SettleDelay"/> after ingest appends some, so the batches
/// arriving meanwhile are settled together; on start it settles what an earlier run left, on a graceful stop what is left.
/// </summary>
public sealed partial class CustomerSettlerJob(CustomerSettler settler, IOptions<CustomerOptions> options, TimeProvider clock, ILogger<CustomerSettlerJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!first) await settler.WaitForWorkAsync(stoppingToken);
            first = false;
            await Task.Delay(options.Value.SettleDelay, clock, stoppingToken);
            try
            {
                await settler.SettleAllAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await settler.SettleAllAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutdown ran out of time: what is left stays unsettled, and the next start settles it.
        }
        catch (Exception e)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling touched customers failed; they stay queued for the next pass")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
