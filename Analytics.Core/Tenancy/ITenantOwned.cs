namespace Analytics.Core.Tenancy;

/// <summary>Marks an entity that belongs to one tenant; the DbContext filters it by the current tenant.</summary>
public interface ITenantOwned
{
    int TenantId { get; }
}
