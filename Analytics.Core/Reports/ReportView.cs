namespace Analytics.Core.Reports;

/// <summary>A report definition as a caller sees it: its schedule in words, its latest runs and what the caller may do.</summary>
public sealed record ReportView(
    ReportDefinition Definition,
    string TimeZone,
    string ScheduleText,
    ReportRun? LastRun,
    IReadOnlyList<ReportRun> Runs,
    bool CanEdit);
