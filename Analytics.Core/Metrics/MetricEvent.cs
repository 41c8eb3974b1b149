using Analytics.Core.Tenancy;

namespace Analytics.Core.Metrics;

/// <summary>One stored occurrence of a metric: the raw tier.</summary>
public sealed class MetricEvent : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public required string Name { get; set; }
    public required string Module { get; set; }
    public double Value { get; set; }
    /// <summary>UTC; stored as ticks so range scans compare integers.</summary>
    public DateTime Timestamp { get; set; }
    public string? CustomerId { get; set; }
    /// <summary>The dimensions as a JSON object of strings.</summary>
    public string Dimensions { get; set; } = "{}";
}
