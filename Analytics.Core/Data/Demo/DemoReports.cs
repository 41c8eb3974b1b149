using Analytics.Core.Reports;
using Analytics.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Core.Data.Demo;

/// <summary>
/// The demo tenant's reports: seed 004's weekly fulfillment and inventory PDF and a daily CSV, each with its last few
/// occurrences already produced through the real renderer, so there are files to download on the first start.
/// </summary>
public sealed class DemoReports(ReportService reports, ReportRunner runner, AnalyticsDbContext db, TenantDirectory tenants, TimeProvider clock)
{
    public static readonly ReportInput Weekly = new(
        "Weekly Fulfillment Summary", ["fulfillment", "inventory"], Format: "pdf",
        Schedule: new ReportScheduleInput("weekly", "monday", "08:00"),
        Delivery: new ReportDeliveryInput(["ops@demo.local", "manager@demo.local"]),
        Filters: new ReportFiltersInput("last_7_days"));

    public static readonly ReportInput Daily = new(
        "Daily Orders", Metrics: ["order_count", "order_value", "orders_processed", "delivery_time_hours"], Format: "csv",
        Schedule: new ReportScheduleInput("daily", Time: "06:00"),
        Delivery: new ReportDeliveryInput(Download: true),
        Filters: new ReportFiltersInput("yesterday"));

    public async Task SeedAsync(Caller author, CancellationToken ct)
    {
        var zone = (await tenants.GetAsync(author.TenantId, ct)).Zone;
        foreach (var (input, pastRuns) in new[] { (Weekly, 3), (Daily, 5) })
        {
            var report = (await reports.CreateAsync(author, input, ct)).Definition;
            var now = clock.GetUtcNow().UtcDateTime;
            var occurrences = ReportSchedule.NextOccurrences(report.Cron!, now.AddDays(-7 * (pastRuns + 1)), zone, 100)
                .Where(o => o <= now).TakeLast(pastRuns);
            foreach (var occurrence in occurrences)
            {
                var run = new ReportRun
                {
                    TenantId = author.TenantId,
                    DefinitionId = report.Id,
                    RunKey = ReportScheduler.RunKey(report.Id, occurrence),
                    Trigger = ReportRunTrigger.Schedule,
                    ReferenceAt = occurrence,
                    QueuedAt = occurrence,
                    StartedAt = occurrence,
                    Status = ReportRunStatus.Running,
                    Attempts = 1,
                };
                db.Add(run);
                await db.SaveChangesAsync(ct);
                await runner.ExecuteAsync(run.Id, ct);
                // History, not news: the seed sends no email for these and dates them at their occurrence.
                await db.Set<ReportRun>().Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Delivery, ReportDeliveryStatus.None)
                    .SetProperty(r => r.NextDeliveryAt, (DateTime?)null)
                    .SetProperty(r => r.FinishedAt, r => r.StartedAt), ct);
            }
        }
    }
}
