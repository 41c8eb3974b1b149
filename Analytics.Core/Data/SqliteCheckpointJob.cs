using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Analytics.Core.Data;

/// <summary>
/// Checkpoints SQLite's WAL every second on a connection of its own (PASSIVE: it never waits for or blocks writers), so
/// the work runs beside ingest rather than inside whichever commit crosses the WAL's size limit.
/// </summary>
public sealed partial class SqliteCheckpointJob(IServiceScopeFactory scopes, SqliteCheckpoints state, TimeProvider clock, ILogger<SqliteCheckpointJob> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>WAL pages (4 KiB) left after a checkpoint above which readers are holding it back, worth a warning.</summary>
    private const long LargeWal = 65_536;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        state.InBackground = true;
        try
        {
            using var timer = new PeriodicTimer(Interval, clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckpointAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e);
                }
            }
        }
        finally
        {
            state.InBackground = false;
        }
    }

    private async Task CheckpointAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (await reader.ReadAsync(ct) && reader.GetInt64(1) - reader.GetInt64(2) > LargeWal) LogLargeWal(logger, reader.GetInt64(1), reader.GetInt64(2));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed; the next one tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The WAL holds {Pages} pages of which {Checkpointed} are checkpointed; long-running reads hold the rest back")]
    private static partial void LogLargeWal(ILogger logger, long pages, long checkpointed);
}
