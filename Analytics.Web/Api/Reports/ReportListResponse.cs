namespace Analytics.Web.Api.Reports;

public sealed record ReportListResponse(IReadOnlyList<ReportResponse> Reports);
