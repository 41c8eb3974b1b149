using Analytics.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Customers;

/// <summary>
/// The nightly pass over every tenant: engagement drifts with time even without events (recency), so every profile is
/// re-scored, every segment re-evaluated (relative dates move), and activity older than its retention is trimmed.
/// </summary>
public sealed partial class CustomerMaintenance(
    AnalyticsDbContext db,
    SegmentDirectory segments,
    IOptions<CustomerOptions> options,
    TimeProvider clock,
    ILogger<CustomerMaintenance> logger)
{
    public const int TrimBatch = 5_000;

    public async Task RunAsync(CancellationToken ct)
    {
        var tenantIds = await db.Tenants.AsNoTracking().Select(t => t.Id).ToListAsync(ct);
        foreach (var tenantId in tenantIds)
        {
            await RescoreAsync(tenantId, ct);
            await segments.ReevaluateAllAsync(tenantId, ct);
        }
        var trimmed = await TrimAsync(ct);
        LogPass(logger, tenantIds.Count, trimmed);
    }

    /// <summary>Re-scores the engagement of every profile of a tenant.</summary>
    public async Task RescoreAsync(int tenantId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await CustomerActivityRecorder.RescoreAsync(tx.GetDbTransaction(), tenantId, null, now, options.Value, ct);
            await tx.CommitAsync(ct);
        });
    }

    /// <summary>Deletes settled activity older than its retention, in short transactions; returns how many rows went.</summary>
    public async Task<long> TrimAsync(CancellationToken ct)
    {
        var cutoff = (clock.GetUtcNow().UtcDateTime - options.Value.ActivityRetention).Ticks;
        long total = 0;
        int deleted;
        do
        {
            deleted = await db.Database.ExecuteSqlRawAsync(
                "DELETE FROM CustomerActivity WHERE Id IN (SELECT Id FROM CustomerActivity WHERE Ticks < {0} " +
                "AND Id <= (SELECT LastActivityId FROM CustomerSettlement WHERE Id = 1) LIMIT {1})", [cutoff, TrimBatch], ct);
            total += deleted;
        }
        while (deleted == TrimBatch);
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer pass: re-scored and re-evaluated {Tenants} tenants, trimmed {Trimmed} activity rows")]
    private static partial void LogPass(ILogger logger, int tenants, long trimmed);
}
