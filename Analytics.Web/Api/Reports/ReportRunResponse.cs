using Analytics.Core.Reports;

namespace Analytics.Web.Api.Reports;

/// <summary>One generation of a report on the wire; <see cref="DownloadUrl"/> is set once its file exists.</summary>
public sealed record ReportRunResponse(
    long Id, string Status, string Trigger, DateTime ScheduledFor, string? Period, DateTime QueuedAt, DateTime? StartedAt,
    DateTime? FinishedAt, long? DurationMs, long? SizeBytes, string? ContentType, string? FileName, string? Error,
    string Delivery, int DeliveryAttempts, string? DeliveryError, string? DownloadUrl)
{
    public static ReportRunResponse Of(ReportRun run, string tenant) => new(
        run.Id, Wire(run.Status), Wire(run.Trigger), run.ReferenceAt, run.PeriodLabel, run.QueuedAt, run.StartedAt, run.FinishedAt,
        run.DurationMs, run.SizeBytes, run.ContentType, run.FileName, run.Error, Wire(run.Delivery), run.DeliveryAttempts, run.DeliveryError,
        run.Status == ReportRunStatus.Succeeded ? $"/api/{tenant}/reports/{run.DefinitionId}/download?run={run.Id}" : null);

    private static string Wire<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
