namespace Analytics.Core.Metrics;

/// <summary>An event as another system sends it (the wire shape of <c>POST /api/{tenant}/metrics</c>).</summary>
public sealed record MetricEventInput(
    string? Name,
    double? Value,
    string? Module,
    IReadOnlyDictionary<string, string>? Dimensions = null,
    DateTimeOffset? Timestamp = null,
    string? CustomerId = null);
