using Analytics.Core.Data;
using Analytics.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Reports;

/// <summary>
/// One pass of the scheduler over every tenant: claims due occurrences, produces queued runs, delivers and retries
/// emails. Every claim is a conditional write, so several nodes (or a node restarted mid-pass) on one database never
/// run an occurrence, a run or a delivery twice: an occurrence by the unique <see cref="ReportRun.RunKey"/>, a run by
/// moving it from queued to running, a delivery by bumping its attempt count.
/// </summary>
public sealed partial class ReportScheduler(
    AnalyticsDbContext db, IServiceScopeFactory scopes, IOptions<ReportsOptions> options, TimeProvider clock, ILogger<ReportScheduler> logger)
{
    public readonly record struct Pass(int Claimed, int Produced, int Delivered);

    public async Task<Pass> TickAsync(CancellationToken ct)
    {
        var claimed = await ClaimDueAsync(ct);
        var produced = await ProduceQueuedAsync(ct);
        var delivered = await DeliverDueAsync(ct);
        return new Pass(claimed, produced, delivered);
    }

    /// <summary>
    /// Queues a run for each definition whose next occurrence has come. After downtime only the latest missed
    /// occurrence runs (once); the next one is then counted from now.
    /// </summary>
    public async Task<int> ClaimDueAsync(CancellationToken ct)
    {
        var now = Now;
        var due = await db.Set<ReportDefinition>().IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.Cron != null && d.NextRunAt != null && d.NextRunAt <= now).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var tenantIds = due.Select(d => d.TenantId).Distinct().ToList();
        var zones = await db.Tenants.AsNoTracking().Where(t => tenantIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Zone, ct);
        var claimed = 0;
        foreach (var definition in due)
        {
            var zone = zones[definition.TenantId];
            var cron = definition.Cron!;
            var nextDue = DateTime.SpecifyKind(definition.NextRunAt!.Value, DateTimeKind.Utc);
            var occurrence = ReportSchedule.Latest(cron, nextDue.AddTicks(-1), now, zone) ?? nextDue;
            var run = new ReportRun
            {
                TenantId = definition.TenantId,
                DefinitionId = definition.Id,
                RunKey = RunKey(definition.Id, occurrence),
                Trigger = ReportRunTrigger.Schedule,
                ReferenceAt = occurrence,
                QueuedAt = now,
                Status = ReportRunStatus.Queued,
            };
            db.Add(run);
            try
            {
                await db.SaveChangesAsync(ct);
                claimed++;
                LogClaimed(logger, definition.Id, occurrence);
            }
            catch (DbUpdateException)
            {
                // Another node (or an earlier pass) holds this occurrence.
                db.Entry(run).State = EntityState.Detached;
            }
            var next = ReportSchedule.Next(cron, now, zone);
            await db.Set<ReportDefinition>().IgnoreQueryFilters()
                .Where(d => d.Id == definition.Id && d.Cron == cron)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextRunAt, next), ct);
        }
        return claimed;
    }

    /// <summary>Produces every queued run this node manages to claim; a run cut off by a stop is queued again, a few times.</summary>
    public async Task<int> ProduceQueuedAsync(CancellationToken ct)
    {
        var now = Now;
        var settings = options.Value;
        var stale = now - settings.RunTimeout;
        var runs = db.Set<ReportRun>().IgnoreQueryFilters();
        await runs.Where(r => r.Status == ReportRunStatus.Running && r.StartedAt < stale && r.Attempts < settings.MaxRunAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReportRunStatus.Queued), ct);
        await runs.Where(r => r.Status == ReportRunStatus.Running && r.StartedAt < stale)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, ReportRunStatus.Failed)
                .SetProperty(r => r.Error, "The run was interrupted too often.")
                .SetProperty(r => r.FinishedAt, now), ct);

        var produced = 0;
        while (true)
        {
            var queued = await runs.Where(r => r.Status == ReportRunStatus.Queued).OrderBy(r => r.Id)
                .Select(r => new { r.Id, r.TenantId }).Take(20).ToListAsync(ct);
            if (queued.Count == 0) return produced;
            foreach (var candidate in queued)
            {
                var startedAt = Now;
                var won = await runs.Where(r => r.Id == candidate.Id && r.Status == ReportRunStatus.Queued)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(r => r.Status, ReportRunStatus.Running)
                        .SetProperty(r => r.StartedAt, startedAt)
                        .SetProperty(r => r.Attempts, r => r.Attempts + 1), ct);
                if (won == 0) continue;
                await using var scope = TenantScope(candidate.TenantId);
                await scope.ServiceProvider.GetRequiredService<ReportRunner>().ExecuteAsync(candidate.Id, ct);
                produced++;
            }
        }
    }

    /// <summary>Sends the emails of succeeded runs that are due, retrying a failure after a doubling delay.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var now = Now;
        var settings = options.Value;
        var runs = db.Set<ReportRun>().IgnoreQueryFilters();
        var due = await runs.Where(r => r.Delivery == ReportDeliveryStatus.Pending && r.NextDeliveryAt <= now).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.TenantId, r.DeliveryAttempts }).Take(100).ToListAsync(ct);
        var delivered = 0;
        foreach (var candidate in due)
        {
            // The attempt count is the claim: only one node moves it on, and it holds the delivery for a lease.
            var attempt = candidate.DeliveryAttempts + 1;
            var lease = now + settings.RunTimeout;
            var won = await runs.Where(r => r.Id == candidate.Id && r.Delivery == ReportDeliveryStatus.Pending && r.DeliveryAttempts == candidate.DeliveryAttempts)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.DeliveryAttempts, attempt).SetProperty(r => r.NextDeliveryAt, lease), ct);
            if (won == 0) continue;

            await using var scope = TenantScope(candidate.TenantId);
            var scoped = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            var run = await scoped.Set<ReportRun>().FirstAsync(r => r.Id == candidate.Id, ct);
            try
            {
                var definition = await scoped.Set<ReportDefinition>().AsNoTracking().FirstAsync(d => d.Id == run.DefinitionId, ct);
                var content = await scoped.Set<ReportFile>().Where(f => f.RunId == run.Id).Select(f => f.Content).FirstAsync(ct);
                await scope.ServiceProvider.GetRequiredService<ReportMailer>().SendRunAsync(definition, run, content, ct);
                run.Delivery = ReportDeliveryStatus.Sent;
                run.NextDeliveryAt = null;
                run.DeliveryError = null;
                delivered++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                run.DeliveryError = e.Message;
                if (attempt >= settings.MaxDeliveryAttempts)
                {
                    run.Delivery = ReportDeliveryStatus.Failed;
                    run.NextDeliveryAt = null;
                }
                else run.NextDeliveryAt = Now + settings.DeliveryRetryDelay * Math.Pow(2, attempt - 1);
                LogDeliveryFailed(logger, e, run.Id, attempt);
            }
            await scoped.SaveChangesAsync(CancellationToken.None);
        }
        return delivered;
    }

    /// <summary>The unique key of one occurrence of one definition.</summary>
    public static string RunKey(long definitionId, DateTime occurrenceUtc) => $"{definitionId}:{occurrenceUtc:yyyy-MM-dd'T'HH:mm:ss'Z'}";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private AsyncServiceScope TenantScope(int tenantId)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenantId);
        return scope;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {DefinitionId}: claimed the occurrence at {Occurrence:u}")]
    private static partial void LogClaimed(ILogger logger, long definitionId, DateTime occurrence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report run {RunId}: email delivery attempt {Attempt} failed")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, long runId, int attempt);
}
