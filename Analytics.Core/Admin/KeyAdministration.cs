using Analytics.Core.Data;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Core.Admin;

/// <summary>An admin's work on the tenant's API keys: list by prefix and last use, create (shown once), revoke.</summary>
public sealed class KeyAdministration(AnalyticsDbContext db, ApiKeyService keys, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<ApiKey>> ListAsync(Caller caller, CancellationToken ct)
    {
        RequireAdmin(caller);
        return await db.ApiKeys.AsNoTracking().Where(k => k.TenantId == caller.TenantId)
            .OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.CreatedAt).ToListAsync(ct);
    }

    public async Task<IssuedApiKey> CreateAsync(Caller caller, string name, ApiKeyScope scope, string role, DateTime? expiresAtUtc, CancellationToken ct)
    {
        RequireAdmin(caller);
        name = name.Trim();
        var errors = new Dictionary<string, string[]>();
        if (name.Length is 0 or > 100) errors["name"] = ["Name the key (1 to 100 characters), e.g. after the system that uses it."];
        if (!Roles.IsKnown(role)) errors["role"] = [$"Unknown role; use one of {string.Join(", ", Roles.All)}."];
        if (!Enum.IsDefined(scope)) errors["scope"] = ["The scope is read or write."];
        if (expiresAtUtc <= clock.GetUtcNow().UtcDateTime) errors["expires_at"] = ["The expiry must be in the future."];
        if (errors.Count > 0) throw new InvalidInputException(errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var issued = await keys.CreateAsync(caller.TenantId, name, scope, role, ct, expiresAtUtc);
        audit.Add(caller, AuditActions.ApiKeyCreated, Describe(issued.Key),
            after: new { scope = scope.ToString().ToLowerInvariant(), role, expires_at = expiresAtUtc });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return issued;
    }

    public async Task RevokeAsync(Caller caller, int keyId, CancellationToken ct)
    {
        RequireAdmin(caller);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.TenantId == caller.TenantId, ct)
                  ?? throw new NotFoundException("No such key.");
        if (key.RevokedAt is not null) return;
        key.RevokedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(caller, AuditActions.ApiKeyRevoked, Describe(key));
        await db.SaveChangesAsync(ct);
    }

    private static string Describe(ApiKey key) => $"key {key.Prefix}… \"{key.Name}\"";

    private static void RequireAdmin(Caller caller)
    {
        if (!caller.IsInRole(Roles.Admin)) throw new ForbiddenException("Only admins manage API keys.");
    }
}
