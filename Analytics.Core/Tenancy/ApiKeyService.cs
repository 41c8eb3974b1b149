using System.Security.Cryptography;
using System.Text;
using Analytics.Core.Data;
using Analytics.Core.Errors;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Core.Tenancy;

/// <summary>Issues, recognises and revokes API keys; only a SHA-256 hash of a secret is ever stored.</summary>
public sealed class ApiKeyService(AnalyticsDbContext db, TimeProvider clock)
{
    public const string SecretPrefix = "ak_";
    private const int MinSecretLength = 24;

    public Task<IssuedApiKey> CreateAsync(int tenantId, string name, ApiKeyScope scope, string role, CancellationToken ct, DateTime? expiresAt = null) =>
        CreateAsync(tenantId, name, scope, role, SecretPrefix + RandomNumberGenerator.GetHexString(40, lowercase: true), ct, expiresAt);

    /// <summary>Registers a key whose secret the operator chose, such as the demo key from configuration.</summary>
    public async Task<IssuedApiKey> CreateAsync(int tenantId, string name, ApiKeyScope scope, string role, string secret, CancellationToken ct, DateTime? expiresAt = null)
    {
        if (!Roles.IsKnown(role)) throw new InvalidInputException("role", $"Unknown role; use one of {string.Join(", ", Roles.All)}.");
        if (secret.Length < MinSecretLength) throw new InvalidInputException("key", $"A key has at least {MinSecretLength} characters.");
        var key = new ApiKey
        {
            TenantId = tenantId,
            Name = name,
            Prefix = secret[..Math.Min(12, secret.Length)],
            Hash = Hash(secret),
            Scope = scope,
            Role = role,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            ExpiresAt = expiresAt,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new IssuedApiKey(key, secret);
    }

    /// <summary>The live key with this secret, in any tenant, or null.</summary>
    public async Task<ApiKey?> AuthenticateAsync(string secret, CancellationToken ct)
    {
        if (secret.Length < MinSecretLength || secret.Length > 200) return null;
        var hash = Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        var key = await db.ApiKeys.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, ct);
        if (key is null || key.ExpiresAt <= now) return null;
        if (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(1))
            await db.ApiKeys.IgnoreQueryFilters().Where(k => k.Id == key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
        return key;
    }

    public Task<bool> ExistsAsync(string secret, CancellationToken ct)
    {
        var hash = Hash(secret);
        return db.ApiKeys.IgnoreQueryFilters().AnyAsync(k => k.Hash == hash, ct);
    }

    public async Task RevokeAsync(int tenantId, int keyId, CancellationToken ct)
    {
        var changed = await db.ApiKeys.IgnoreQueryFilters().Where(k => k.TenantId == tenantId && k.Id == keyId && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, clock.GetUtcNow().UtcDateTime), ct);
        if (changed == 0) throw new NotFoundException("No such key.");
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
