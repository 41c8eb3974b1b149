using Analytics.Core.Admin;
using System.Globalization;
using Analytics.Core.Data;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Core.Reports;

/// <summary>
/// Report definitions and their runs for a caller: every read and write checks the tenant and <see cref="ReportAccess"/>.
/// Generation never happens here: a run is queued and the scheduler (on any node) produces it.
/// </summary>
public sealed class ReportService(AnalyticsDbContext db, TenantDirectory tenants, ReportQueue queue, AuditLog audit, Metrics.ModuleDirectory modules, TimeProvider clock)
{
    public const int RunsShown = 20;

    public async Task<IReadOnlyList<ReportView>> ListAsync(Caller caller, CancellationToken ct)
    {
        RequireView(caller);
        var zone = (await tenants.GetAsync(caller.TenantId, ct)).TimeZone;
        var definitions = await Definitions(caller).AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct);
        var ids = definitions.Select(d => d.Id).ToList();
        var lastIds = await db.Set<ReportRun>().Where(r => r.TenantId == caller.TenantId && ids.Contains(r.DefinitionId))
            .GroupBy(r => r.DefinitionId).Select(g => g.Max(r => r.Id)).ToListAsync(ct);
        var last = await db.Set<ReportRun>().AsNoTracking().Where(r => lastIds.Contains(r.Id)).ToDictionaryAsync(r => r.DefinitionId, ct);
        return definitions.Select(d => View(caller, d, zone, last.GetValueOrDefault(d.Id), [])).ToList();
    }

    /// <summary>A definition with its next run time and its latest runs, newest first.</summary>
    public async Task<ReportView> GetAsync(Caller caller, long id, CancellationToken ct, int runs = RunsShown)
    {
        RequireView(caller);
        var definition = await FindAsync(caller, id, tracking: false, ct);
        var zone = (await tenants.GetAsync(caller.TenantId, ct)).TimeZone;
        var latest = await Runs(caller, id).OrderByDescending(r => r.Id).Take(runs).AsNoTracking().ToListAsync(ct);
        return View(caller, definition, zone, latest.FirstOrDefault(), latest);
    }

    /// <summary>Creates a definition; one without a schedule is generated now (its run is queued in the same save).</summary>
    public async Task<ReportView> CreateAsync(Caller caller, ReportInput input, CancellationToken ct)
    {
        RequireEdit(caller);
        var now = Now;
        var definition = new ReportDefinition { TenantId = caller.TenantId, Name = "", OwnerId = caller.UserId, CreatedAt = now, UpdatedAt = now };
        ReportValidator.Apply(input, definition, await modules.NamesAsync(caller.TenantId, ct));
        var zone = (await tenants.GetAsync(caller.TenantId, ct)).Zone;
        definition.NextRunAt = definition.Cron is { } cron ? ReportSchedule.Next(cron, now, zone) : null;
        db.Add(definition);
        audit.Add(caller, AuditActions.ReportCreated, $"report \"{definition.Name}\"", after: Audited(definition));
        if (definition.Cron is null)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            db.Add(ManualRun(definition));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            queue.Wake();
        }
        else await db.SaveChangesAsync(ct);
        return await GetAsync(caller, definition.Id, ct);
    }

    /// <summary>Replaces a definition's settings; a changed schedule starts counting from now.</summary>
    public async Task<ReportView> UpdateAsync(Caller caller, long id, ReportInput input, CancellationToken ct)
    {
        RequireEdit(caller);
        var definition = await FindAsync(caller, id, tracking: true, ct);
        var oldCron = definition.Cron;
        var before = Audited(definition);
        ReportValidator.Apply(input, definition, await modules.NamesAsync(caller.TenantId, ct));
        definition.UpdatedAt = Now;
        if (definition.Cron != oldCron)
        {
            var zone = (await tenants.GetAsync(caller.TenantId, ct)).Zone;
            definition.NextRunAt = definition.Cron is { } cron ? ReportSchedule.Next(cron, Now, zone) : null;
        }
        audit.Add(caller, AuditActions.ReportChanged, Describe(definition), before, Audited(definition));
        await db.SaveChangesAsync(ct);
        return await GetAsync(caller, id, ct);
    }

    /// <summary>Deletes a definition with its runs and files.</summary>
    public async Task DeleteAsync(Caller caller, long id, CancellationToken ct)
    {
        RequireEdit(caller);
        var definition = await FindAsync(caller, id, tracking: true, ct);
        db.Remove(definition);
        audit.Add(caller, AuditActions.ReportDeleted, Describe(definition), before: Audited(definition));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Queues a run of the definition now, whatever its schedule.</summary>
    public async Task<ReportRun> RunNowAsync(Caller caller, long id, CancellationToken ct)
    {
        RequireEdit(caller);
        var definition = await FindAsync(caller, id, tracking: false, ct);
        var run = ManualRun(definition);
        db.Add(run);
        await db.SaveChangesAsync(ct);
        queue.Wake();
        return run;
    }

    public async Task<ReportRun> GetRunAsync(Caller caller, long id, long runId, CancellationToken ct)
    {
        RequireView(caller);
        await FindAsync(caller, id, tracking: false, ct);
        return await Runs(caller, id).AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct)
            ?? throw new NotFoundException("No such run of this report.");
    }

    /// <summary>The file of run <paramref name="runId"/>, or of the latest succeeded run when none is named.</summary>
    public async Task<ReportDownload> DownloadAsync(Caller caller, long id, long? runId, CancellationToken ct)
    {
        RequireView(caller);
        await FindAsync(caller, id, tracking: false, ct);
        var runs = Runs(caller, id).Where(r => r.Status == ReportRunStatus.Succeeded);
        var run = await (runId is { } wanted ? runs.Where(r => r.Id == wanted) : runs.OrderByDescending(r => r.Id)).AsNoTracking().FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(runId is null ? "This report has no finished file yet." : "No finished run with that id for this report.");
        var content = await db.Set<ReportFile>().Where(f => f.TenantId == caller.TenantId && f.RunId == run.Id).Select(f => f.Content).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("The file of this run is no longer kept.");
        return new ReportDownload(run, run.FileName ?? $"report-{run.Id}", run.ContentType ?? "application/octet-stream", content);
    }

    /// <summary>
    /// The next occurrences of a schedule in <paramref name="zone"/>, for a preview while it is being edited; an invalid
    /// schedule throws with the same field errors a save would give, and no schedule has no occurrences.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> Preview(ReportScheduleInput? schedule, TimeZoneInfo zone, DateTime nowUtc, int count)
    {
        var probe = new ReportDefinition { Name = "preview" };
        ReportValidator.Apply(new ReportInput("preview", Metrics: ["preview"], Format: "json", Schedule: schedule), probe);
        return probe.Cron is { } cron
            ? ReportSchedule.NextOccurrences(cron, nowUtc, zone, count).Select(t => TimeZoneInfo.ConvertTime(new DateTimeOffset(t), zone)).ToList()
            : [];
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private ReportRun ManualRun(ReportDefinition definition)
    {
        var now = Now;
        return new ReportRun
        {
            TenantId = definition.TenantId,
            DefinitionId = definition.Id,
            RunKey = $"{definition.Id}:manual:{Guid.NewGuid():N}",
            Trigger = ReportRunTrigger.Manual,
            ReferenceAt = now,
            QueuedAt = now,
            Status = ReportRunStatus.Queued,
        };
    }

    private static ReportView View(Caller caller, ReportDefinition d, string zone, ReportRun? last, IReadOnlyList<ReportRun> runs) =>
        new(d, zone, ReportSchedule.Describe(d.Frequency, d.Day, d.Time, d.Cron) + (d.Frequency is null ? "" : $" ({zone})"), last, runs, ReportAccess.CanEdit(caller));

    private async Task<ReportDefinition> FindAsync(Caller caller, long id, bool tracking, CancellationToken ct)
    {
        var query = Definitions(caller).Where(d => d.Id == id);
        return await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("No such report.");
    }

    private IQueryable<ReportDefinition> Definitions(Caller caller) => db.Set<ReportDefinition>().Where(d => d.TenantId == caller.TenantId);

    private IQueryable<ReportRun> Runs(Caller caller, long id) => db.Set<ReportRun>().Where(r => r.TenantId == caller.TenantId && r.DefinitionId == id);

    private static void RequireView(Caller caller)
    {
        if (!ReportAccess.CanView(caller)) throw new ForbiddenException("Reports are for admins, analysts and managers.");
    }

    private static void RequireEdit(Caller caller)
    {
        if (!caller.CanWrite) throw new ForbiddenException("This key may only read.");
        if (!ReportAccess.CanEdit(caller)) throw new ForbiddenException("Only admins and analysts create, change, delete or run reports.");
    }

    internal static string FileNameOf(ReportDefinition definition, DateTime referenceUtc, TimeZoneInfo zone, string extension)
    {
        var slug = new string(definition.Name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        while (slug.Contains("--", StringComparison.Ordinal)) slug = slug.Replace("--", "-", StringComparison.Ordinal);
        slug = slug.Trim('-');
        if (slug.Length == 0) slug = "report";
        if (slug.Length > 60) slug = slug[..60].TrimEnd('-');
        var date = TimeBuckets(referenceUtc, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"{slug}-{date}.{extension}";
    }

    private static DateTime TimeBuckets(DateTime utc, TimeZoneInfo zone) => Metrics.TimeBuckets.ToLocal(utc, zone);

    private static string Describe(ReportDefinition definition) => $"report {definition.Id} \"{definition.Name}\"";

    /// <summary>What the audit log keeps of a definition: what it reports, how often, and to whom.</summary>
    private static object Audited(ReportDefinition d) => new
    {
        d.Name,
        format = d.Format.ToString().ToLowerInvariant(),
        modules = d.Modules.ToArray(),
        metrics = d.Metrics.ToArray(),
        date_range = d.DateRange,
        schedule = d.Cron,
        email = d.EmailTo.ToArray(),
    };
}
