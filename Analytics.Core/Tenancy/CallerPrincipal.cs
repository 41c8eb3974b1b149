using System.Globalization;
using System.Security.Claims;
using Analytics.Core.Errors;

namespace Analytics.Core.Tenancy;

/// <summary>Reads a <see cref="Caller"/> out of an authenticated principal, whether it came from a cookie or a key.</summary>
public static class CallerPrincipal
{
    public static Caller? ToCaller(this ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        if (!int.TryParse(principal.FindFirstValue(AnalyticsClaims.TenantId), NumberStyles.None, CultureInfo.InvariantCulture, out var tenantId)) return null;
        var slug = principal.FindFirstValue(AnalyticsClaims.TenantSlug) ?? "";
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Where(Roles.IsKnown).ToHashSet();
        var scope = principal.FindFirstValue(AnalyticsClaims.Scope);
        var canWrite = scope is null || scope == nameof(ApiKeyScope.Write).ToLowerInvariant();
        return new Caller(tenantId, slug, principal.FindFirstValue(ClaimTypes.NameIdentifier), roles, canWrite) { Name = principal.FindFirstValue(ClaimTypes.Name) };
    }

    /// <summary>Another tenant's path is answered as unknown, never as forbidden.</summary>
    public static void EnsureTenant(this Caller caller, string slug)
    {
        if (!string.Equals(caller.TenantSlug, slug, StringComparison.Ordinal))
            throw new NotFoundException($"No tenant '{slug}' for this caller.");
    }
}
