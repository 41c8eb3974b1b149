namespace Analytics.Core.Reports;

/// <summary>Seed 000's <c>POST /api/analytics/reports/export</c> body, as it arrives: dates ISO 8601 in the tenant's zone, <c>to</c> included.</summary>
/// <remarks><c>currency</c> is optional, as on every seed-000 route: amounts come in the tenant's own currency without it.</remarks>
public sealed record ReportExportRequest(string? ReportType, string? From, string? To, string? Format, string? GroupBy, string? Currency = null);
