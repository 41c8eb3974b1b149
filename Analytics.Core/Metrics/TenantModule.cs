using Analytics.Core.Tenancy;

namespace Analytics.Core.Metrics;

/// <summary>A module a tenant's admin added to the default ones (<see cref="Modules.All"/>): events and metrics may name it.</summary>
public sealed class TenantModule : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
