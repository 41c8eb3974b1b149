namespace Analytics.Core.Tenancy;

/// <summary>Who is asking: a signed-in user or an API key, always inside one tenant.</summary>
public sealed record Caller(int TenantId, string TenantSlug, string? UserId, IReadOnlySet<string> Roles, bool CanWrite)
{
    /// <summary>Who acts, as people read it in the audit log: a user's email or <c>key:</c> and a key's prefix.</summary>
    public string? Name { get; init; }

    public bool IsInRole(string role) => Roles.Contains(role);
}
