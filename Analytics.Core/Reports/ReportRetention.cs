using Analytics.Core.Data;
using Analytics.Core.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Reports;

/// <summary>Removes runs, and their files, queued longer ago than <see cref="RetentionOptions.Reports"/> (one year by default).</summary>
public sealed class ReportRetention(AnalyticsDbContext db, IOptions<RetentionOptions> options, TimeProvider clock)
{
    public async Task<int> TrimAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.Reports;
        var old = db.Set<ReportRun>().IgnoreQueryFilters().Where(r => r.QueuedAt < cutoff && r.Status != ReportRunStatus.Queued && r.Status != ReportRunStatus.Running);
        await db.Set<ReportFile>().IgnoreQueryFilters().Where(f => old.Any(r => r.Id == f.RunId)).ExecuteDeleteAsync(ct);
        return await old.ExecuteDeleteAsync(ct);
    }
}
