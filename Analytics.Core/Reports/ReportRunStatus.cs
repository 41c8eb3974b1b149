namespace Analytics.Core.Reports;

public enum ReportRunStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
