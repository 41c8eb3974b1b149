namespace Analytics.Web.Api.Reports;

public sealed record TestEmailRequest(string? To = null);
