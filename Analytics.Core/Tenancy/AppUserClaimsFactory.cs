using System.Security.Claims;
using Analytics.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Tenancy;

/// <summary>Puts the user's tenant into the sign-in cookie so every request knows it without a lookup.</summary>
public sealed class AppUserClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AnalyticsDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var slug = await db.Tenants.Where(t => t.Id == user.TenantId).Select(t => t.Slug).FirstAsync();
        identity.AddClaim(new Claim(AnalyticsClaims.TenantId, user.TenantId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(AnalyticsClaims.TenantSlug, slug));
        return identity;
    }
}
