using System.Globalization;
using Analytics.Core.Data;
using Analytics.Core.Kpis;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Insights;

/// <summary>
/// Checks every daily series of a tenant over the last closed days with <see cref="AnomalyRule"/> and stores what it
/// finds, each (metric, day) once: a second pass adds only findings that are new, and keeps their first detectedAt.
/// </summary>
public sealed partial class AnomalyDetector(
    AnalyticsDbContext db,
    TenantContext tenantContext,
    KpiReader reader,
    MetricQueryService metrics,
    UserManager<AppUser> users,
    IAnomalyNotifier notifier,
    AnomalyAlerts alerts,
    IOptions<AnomalyOptions> options,
    TimeProvider clock,
    ILogger<AnomalyDetector> logger)
{
    /// <summary>Detects for the tenant this scope serves (binding it if the scope is fresh); returns the findings it stored now.</summary>
    public async Task<IReadOnlyList<Anomaly>> DetectAsync(int tenantId, CancellationToken ct)
    {
        tenantContext.Use(tenantId);
        var tenant = await db.Tenants.AsNoTracking().FirstAsync(t => t.Id == tenantId, ct);
        var caller = new Caller(tenant.Id, tenant.Slug, null, new HashSet<string> { Roles.Admin }, CanWrite: false);
        var today = DateOnly.FromDateTime(TimeBuckets.ToLocal(clock.GetUtcNow().UtcDateTime, tenant.Zone));
        var lastDay = today.AddDays(-1);
        var firstDay = today.AddDays(-options.Value.LookbackDays);

        var probe = await reader.OpenAsync(caller, new KpiRequest(Day(firstDay), Day(lastDay), "day"), ct);
        var historyFrom = DateOnly.FromDateTime(TimeBuckets.ToLocal(probe.HistoryFromUtc, tenant.Zone));
        var readFrom = firstDay.AddDays(-AnomalyRule.WindowDays);
        if (readFrom < historyFrom) readFrom = historyFrom;
        if (readFrom > lastDay) return [];
        var window = await reader.OpenAsync(caller, new KpiRequest(Day(readFrom), Day(lastDay), "day"), ct);

        var known = (await db.Anomalies.AsNoTracking().Where(a => a.TenantId == tenantId && a.Day >= firstDay && a.Day <= lastDay)
            .Select(a => new { a.Metric, a.Day }).ToListAsync(ct)).Select(a => (a.Metric, a.Day)).ToHashSet();
        var names = (await metrics.CatalogAsync(caller, ct)).Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var found = new List<Anomaly>();
        foreach (var name in names)
        {
            var (values, counts) = await DailyValuesAsync(window, name, ct);
            for (var i = 0; i < values.Count; i++)
            {
                var day = readFrom.AddDays(i);
                if (day < firstDay || i < AnomalyRule.WindowDays || values[i] is not { } actual || known.Contains((name, day))) continue;
                // A quiet day of a summed series is a zero, but a series needs events on most days to be judged at all.
                if (counts.Skip(i - AnomalyRule.WindowDays).Take(AnomalyRule.WindowDays).Count(c => c > 0) < AnomalyRule.MinDaysWithData) continue;
                var verdict = AnomalyRule.Judge(day, actual, values.Skip(i - AnomalyRule.WindowDays).Take(AnomalyRule.WindowDays).ToList());
                if (verdict is not { Severity: { } severity } v) continue;
                found.Add(new Anomaly
                {
                    TenantId = tenantId,
                    Metric = name,
                    Day = day,
                    Severity = severity,
                    Expected = Math.Round(v.Expected, 2),
                    Actual = Math.Round(actual, 2),
                    Deviation = Math.Round(v.Deviation, 4),
                    Score = Math.Round(v.Score, 2),
                    Description = AnomalyRule.Describe(name, v.Deviation, day),
                    DetectedAt = now,
                });
            }
        }
        if (found.Count == 0) return [];

        db.Anomalies.AddRange(found);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another pass (the job, the admin route or a second node) stored the same days first: theirs stand.
            db.ChangeTracker.Clear();
            return [];
        }
        LogFound(logger, found.Count, tenant.Slug);
        var high = found.Where(a => a.Severity == AnomalySeverity.High).ToList();
        if (high.Count > 0)
        {
            alerts.Publish(tenantId, high);
            if (options.Value.EmailAdmins)
            {
                var admins = (await users.GetUsersInRoleAsync(Roles.Admin)).Where(u => u.TenantId == tenantId && u.Email is not null).Select(u => u.Email!).ToList();
                await notifier.NotifyAsync(tenantId, admins, high, ct);
            }
        }
        return found;
    }

    /// <summary>One value per day of the window: converted amounts, sums (zero on a quiet day), or averages (null on a day without readings).</summary>
    private static async Task<(IReadOnlyList<double?> Values, IReadOnlyList<long> Counts)> DailyValuesAsync(KpiWindow window, string name, CancellationToken ct)
    {
        var definition = await window.DefinitionAsync(name, ct);
        if (definition.IsMoney)
        {
            var money = await window.MoneyAsync(name, MetricGrouping.Day, ct);
            var start = money.Series.Data.TakeWhile(p => p.Count == 0).Count();
            return (money.Values.Select((v, i) => i < start ? null : (double?)v).ToList(), money.Series.Data.Select(p => p.Count).ToList());
        }
        var agg = definition.DailyAggregate;
        var series = await window.SeriesAsync(name, agg, groupBy: MetricGrouping.Day, ct: ct);
        // Before a series' first event there is no series yet: those days are not zeros.
        var first = series.Data.TakeWhile(p => p.Count == 0).Count();
        return (series.Data.Select((p, i) => i < first || (agg == MetricAggregate.Avg && p.Count == 0) ? null : (double?)(p.Value ?? 0)).ToList(),
            series.Data.Select(p => p.Count).ToList());
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {Count} new anomalies for tenant {Slug}")]
    private static partial void LogFound(ILogger logger, int count, string slug);
}
