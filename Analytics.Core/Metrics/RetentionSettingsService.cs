using Analytics.Core.Admin;
using Analytics.Core.Data;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Metrics;

/// <summary>
/// Reads and changes how long the tenant's tiers keep metric data, within bounds that keep the planner and the KPI
/// history working: raw 7–365 days, hourly 30–730, daily 365–3650, and no tier shorter than a finer one. Audited.
/// </summary>
public sealed class RetentionSettingsService(AnalyticsDbContext db, AuditLog audit, IOptions<RetentionOptions> options, TimeProvider clock)
{
    public static readonly (int Min, int Max) RawEventsBounds = (7, 365);
    public static readonly (int Min, int Max) HourlyRollupsBounds = (30, 730);
    public static readonly (int Min, int Max) DailyRollupsBounds = (365, 3650);

    /// <summary>The periods in force for the caller's tenant: its own, or the installation's where it has none.</summary>
    public async Task<RetentionSettings> GetAsync(Caller caller, CancellationToken ct) => Of(RetentionPeriods.For(await FindAsync(caller, ct), options.Value));

    /// <summary>The installation's periods, which a tenant follows until an admin sets its own.</summary>
    public RetentionSettings Defaults => Of(RetentionPeriods.Of(options.Value));

    public async Task<RetentionSettings> UpdateAsync(Caller caller, RetentionSettings input, CancellationToken ct)
    {
        if (!caller.IsInRole(Roles.Admin)) throw new ForbiddenException("Only admins change how long data is kept.");
        if (!caller.CanWrite) throw new ForbiddenException("This key may only read.");
        var errors = new Dictionary<string, string[]>();
        Bound(errors, "raw_events_days", "Raw events", input.RawEventsDays, RawEventsBounds);
        Bound(errors, "hourly_rollups_days", "Hourly rollups", input.HourlyRollupsDays, HourlyRollupsBounds);
        Bound(errors, "daily_rollups_days", "Daily rollups", input.DailyRollupsDays, DailyRollupsBounds);
        if (!errors.ContainsKey("hourly_rollups_days") && input.HourlyRollupsDays < input.RawEventsDays)
            errors["hourly_rollups_days"] = ["Hourly rollups are kept at least as long as raw events."];
        if (!errors.ContainsKey("daily_rollups_days") && input.DailyRollupsDays < input.HourlyRollupsDays)
            errors["daily_rollups_days"] = ["Daily rollups are kept at least as long as hourly rollups."];
        if (errors.Count > 0) throw new InvalidInputException(errors, "The retention periods are outside their bounds; nothing was changed.");

        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Id == caller.TenantId, ct) ?? throw new NotFoundException("No such tenant.");
        var periods = RetentionPeriods.For(tenant, options.Value);
        var before = Of(periods);
        if (before == input) return before;

        // A lengthened tier is only complete from where its old period reached today: what was trimmed stays gone.
        var now = clock.GetUtcNow().UtcDateTime;
        var own = tenant.Retention;
        if (input.RawEventsDays > before.RawEventsDays) own.RawCompleteFromUtc = Latest(own.RawCompleteFromUtc, now - periods.RawEvents);
        if (input.HourlyRollupsDays > before.HourlyRollupsDays) own.HourlyCompleteFromUtc = Latest(own.HourlyCompleteFromUtc, now - periods.HourlyRollups);
        if (input.DailyRollupsDays > before.DailyRollupsDays) own.DailyCompleteFromUtc = Latest(own.DailyCompleteFromUtc, now - periods.DailyRollups);
        (own.RawEventsDays, own.HourlyRollupsDays, own.DailyRollupsDays) = (input.RawEventsDays, input.HourlyRollupsDays, input.DailyRollupsDays);
        audit.Add(caller, AuditActions.SettingsChanged, $"retention of tenant {tenant.Slug}", before, input);
        await db.SaveChangesAsync(ct);
        return input;
    }

    private static void Bound(Dictionary<string, string[]> errors, string field, string tier, int days, (int Min, int Max) bounds)
    {
        if (days < bounds.Min || days > bounds.Max) errors[field] = [$"{tier} are kept {bounds.Min} to {bounds.Max} days."];
    }

    private static RetentionSettings Of(RetentionPeriods periods) =>
        new((int)Math.Round(periods.RawEvents.TotalDays), (int)Math.Round(periods.HourlyRollups.TotalDays), (int)Math.Round(periods.DailyRollups.TotalDays));

    private static DateTime Latest(DateTime? a, DateTime b) => a is { } value && value > b ? value : b;

    private async Task<Tenant> FindAsync(Caller caller, CancellationToken ct) =>
        await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == caller.TenantId, ct) ?? throw new NotFoundException("No such tenant.");
}
