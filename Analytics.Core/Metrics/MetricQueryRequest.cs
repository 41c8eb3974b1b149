namespace Analytics.Core.Metrics;

/// <summary>A metric query as it arrives on the wire, before parsing; dates are ISO 8601 in the tenant's zone.</summary>
public sealed record MetricQueryRequest(
    string? Name,
    string? From,
    string? To,
    string? GroupBy = null,
    string? Agg = null,
    string? Module = null,
    IReadOnlyDictionary<string, string>? Filters = null,
    string? By = null,
    string? Segment = null,
    string? Currency = null);
