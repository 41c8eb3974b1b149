namespace Analytics.Core.Insights;

/// <summary><c>GET /api/analytics/forecast</c> as it arrives: periods 1–36, granularity day|week|month|quarter, metric (revenue by default), currency.</summary>
public sealed record ForecastRequest(string? Periods = null, string? Granularity = null, string? Metric = null, string? Currency = null);
