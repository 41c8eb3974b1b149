namespace Analytics.Core.Reports;

/// <summary>Where a run's email stands; <see cref="None"/> when the report has no recipients.</summary>
public enum ReportDeliveryStatus
{
    None,
    Pending,
    Sent,
    Failed,
}
