using Analytics.Core.Tenancy;

namespace Analytics.Core.Metrics;

/// <summary>A tenant's own definition of one metric, set by an admin or analyst; it replaces the convention or the inferred one.</summary>
public sealed class TenantMetricDefinition : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public required string Name { get; set; }
    public MetricKind Kind { get; set; }
    public string? Unit { get; set; }
    public MetricAggregate Aggregate { get; set; }
    public bool HigherIsBetter { get; set; } = true;
    public bool PartsAdd { get; set; }
    public string? Module { get; set; }
    public string Description { get; set; } = "";
    public int? Decimals { get; set; }
    public DateTime UpdatedAt { get; set; }

    public MetricDefinition ToDefinition() => new(Name, Kind, Unit, Aggregate, HigherIsBetter, Module, Description, PartsAdd) { Decimals = Decimals };
}
