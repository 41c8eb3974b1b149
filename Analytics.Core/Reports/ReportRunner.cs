using System.Diagnostics;
using Analytics.Core.Data;
using Analytics.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Analytics.Core.Reports;

/// <summary>
/// Produces one claimed run in a scope bound to its tenant: builds the spec, renders the file, and stores the file with
/// the run's outcome in one transaction, so a failure leaves a failed run and no file.
/// </summary>
public sealed partial class ReportRunner(
    AnalyticsDbContext db, TenantDirectory tenants, ReportSpecBuilder specs, ReportRenderer renderer, AnalyticsInstruments instruments, TimeProvider clock,
    ILogger<ReportRunner> logger)
{
    public async Task ExecuteAsync(long runId, CancellationToken ct)
    {
        var run = await db.Set<ReportRun>().FirstAsync(r => r.Id == runId, ct);
        var definition = await db.Set<ReportDefinition>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == run.DefinitionId, ct);
        var watch = Stopwatch.StartNew();
        if (definition is null) return;
        var tenant = await tenants.GetAsync(run.TenantId, ct);
        var caller = SystemCaller(tenant);
        try
        {
            var spec = await specs.BuildAsync(caller, definition, run.ReferenceAt, ct);
            using var buffer = new MemoryStream();
            var rendered = await renderer.RenderAsync(caller, spec, buffer, ct);
            var content = buffer.ToArray();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Add(new ReportFile { RunId = run.Id, TenantId = run.TenantId, Content = content });
            run.Status = ReportRunStatus.Succeeded;
            run.Error = null;
            run.PeriodLabel = spec.PeriodLabel;
            run.ContentType = rendered.ContentType;
            run.FileName = ReportService.FileNameOf(definition, run.ReferenceAt, tenant.Zone, rendered.FileExtension);
            run.SizeBytes = content.LongLength;
            Finish(run, watch);
            if (definition.EmailTo.Count > 0)
            {
                run.Delivery = ReportDeliveryStatus.Pending;
                run.NextDeliveryAt = clock.GetUtcNow().UtcDateTime;
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            instruments.ReportRun("succeeded");
            LogSucceeded(logger, run.Id, definition.Name, run.SizeBytes.Value, run.DurationMs!.Value);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
            var failed = await db.Set<ReportRun>().FirstAsync(r => r.Id == runId, CancellationToken.None);
            failed.Status = ReportRunStatus.Failed;
            failed.Error = e is Errors.AnalyticsException or NotSupportedException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            Finish(failed, watch);
            await db.SaveChangesAsync(CancellationToken.None);
            instruments.ReportRun("failed");
            LogFailed(logger, e, run.Id, definition.Name);
        }
    }

    /// <summary>Scheduled runs act for the tenant as a whole: who may create a report was checked when it was saved.</summary>
    public static Caller SystemCaller(Tenant tenant) => new(tenant.Id, tenant.Slug, null, new HashSet<string> { Roles.Admin }, CanWrite: false);

    private void Finish(ReportRun run, Stopwatch watch)
    {
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        run.DurationMs = watch.ElapsedMilliseconds;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report run {RunId} of {Report} succeeded: {Bytes} bytes in {Milliseconds} ms")]
    private static partial void LogSucceeded(ILogger logger, long runId, string report, long bytes, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report run {RunId} of {Report} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, long runId, string report);
}
