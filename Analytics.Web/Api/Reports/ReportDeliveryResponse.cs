namespace Analytics.Web.Api.Reports;

public sealed record ReportDeliveryResponse(IReadOnlyList<string> Email, bool Download);
