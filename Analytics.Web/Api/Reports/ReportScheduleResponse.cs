namespace Analytics.Web.Api.Reports;

/// <summary>A schedule on the wire: as it was given, the cron expression it amounts to, the zone and a sentence.</summary>
public sealed record ReportScheduleResponse(string Frequency, string? Day, string? Time, string Cron, string TimeZone, string Description);
