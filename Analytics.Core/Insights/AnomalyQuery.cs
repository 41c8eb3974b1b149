namespace Analytics.Core.Insights;

/// <summary><c>GET /api/analytics/anomalies</c> as it arrives: minimum severity, metric, and a range of days (ISO dates, both included).</summary>
public sealed record AnomalyQuery(string? Severity = null, string? Metric = null, string? From = null, string? To = null);
