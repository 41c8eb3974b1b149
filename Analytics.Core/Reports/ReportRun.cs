using Analytics.Core.Tenancy;

namespace Analytics.Core.Reports;

/// <summary>One generation of a report: its state, its figures, and (in <see cref="ReportFile"/>) its bytes.</summary>
public sealed class ReportRun : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public long DefinitionId { get; set; }

    /// <summary>Unique across the store: the definition and occurrence for a scheduled run, so no occurrence runs twice.</summary>
    public required string RunKey { get; set; }
    public ReportRunTrigger Trigger { get; set; }
    /// <summary>The scheduled instant (UTC), or the request time of a manual run; the period is counted back from it.</summary>
    public DateTime ReferenceAt { get; set; }
    public ReportRunStatus Status { get; set; }
    public string? Error { get; set; }
    /// <summary>Times the run was started (a run interrupted by a restart is started again).</summary>
    public int Attempts { get; set; }

    public DateTime QueuedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public long? DurationMs { get; set; }

    public string? PeriodLabel { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long? SizeBytes { get; set; }

    public ReportDeliveryStatus Delivery { get; set; }
    public int DeliveryAttempts { get; set; }
    public DateTime? NextDeliveryAt { get; set; }
    public string? DeliveryError { get; set; }
}
