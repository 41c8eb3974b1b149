namespace Analytics.Core.Reports;

public enum ReportRunTrigger
{
    /// <summary>Created without a schedule, or "run now".</summary>
    Manual,
    /// <summary>Claimed by the scheduler for one occurrence.</summary>
    Schedule,
}
