namespace Analytics.Core.Tenancy;

/// <summary>Who is asking: a signed-in user or an API key, always inside one tenant.</summary>
public sealed record Caller(int TenantId, string TenantSlug, string? UserId, IReadOnlySet<string> Roles, bool CanWrite)
{
    public bool IsInRole(string role) => Roles.Contains(role);
}
