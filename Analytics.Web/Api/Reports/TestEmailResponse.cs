namespace Analytics.Web.Api.Reports;

/// <summary>How the test email went out: <c>smtp</c>, or <c>pickup</c> when no SMTP server is configured.</summary>
public sealed record TestEmailResponse(string To, string SentVia);
