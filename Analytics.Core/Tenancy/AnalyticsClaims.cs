namespace Analytics.Core.Tenancy;

/// <summary>The claim types that carry a caller's tenant and rights.</summary>
public static class AnalyticsClaims
{
    public const string TenantId = "analytics:tenant_id";
    public const string TenantSlug = "analytics:tenant";
    public const string Scope = "analytics:scope";
    public const string DarkMode = "analytics:dark";
}
