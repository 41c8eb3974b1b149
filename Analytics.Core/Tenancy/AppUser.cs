using Microsoft.AspNetCore.Identity;

namespace Analytics.Core.Tenancy;

/// <summary>A person who signs in; belongs to exactly one tenant.</summary>
public sealed class AppUser : IdentityUser
{
    public int TenantId { get; set; }
    public string? DisplayName { get; set; }
    public bool DarkMode { get; set; }
}
