namespace Analytics.Core.Tenancy;

/// <summary>A bearer key for other systems; only the SHA-256 hash of the secret is stored.</summary>
public sealed class ApiKey : ITenantOwned
{
    public int Id { get; set; }
    public int TenantId { get; set; }
    public required string Name { get; set; }
    /// <summary>The first characters of the key, shown in lists so a key can be recognised.</summary>
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public ApiKeyScope Scope { get; set; }
    public required string Role { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}
