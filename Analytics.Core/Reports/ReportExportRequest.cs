namespace Analytics.Core.Reports;

/// <summary>Seed 000's <c>POST /api/analytics/reports/export</c> body, as it arrives: dates ISO 8601 in the tenant's zone, <c>to</c> included.</summary>
public sealed record ReportExportRequest(string? ReportType, string? From, string? To, string? Format, string? GroupBy);
