namespace Analytics.Core.Tenancy;

/// <summary>The tenant of the current scope (request or job); the DbContext's query filters read it.</summary>
public sealed class TenantContext
{
    public int? TenantId { get; private set; }

    public void Use(int tenantId)
    {
        if (TenantId is { } current && current != tenantId)
            throw new InvalidOperationException("A scope serves one tenant.");
        TenantId = tenantId;
    }
}
