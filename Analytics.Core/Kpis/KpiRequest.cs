namespace Analytics.Core.Kpis;

/// <summary>The common parameters of seed 000's KPI routes as they arrive: ISO 8601 dates in the tenant's zone, groupBy, currency.</summary>
public sealed record KpiRequest(string? From = null, string? To = null, string? GroupBy = null, string? Currency = null);
