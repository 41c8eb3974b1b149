using Analytics.Core.Data;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Core.Admin;

/// <summary>
/// An admin's work on the people of their tenant: create, change role, reset password, lock, remove. A tenant always
/// keeps at least one admin, and an admin cannot lock out or remove themselves. Every change is audited.
/// </summary>
public sealed class UserAdministration(AnalyticsDbContext db, UserManager<AppUser> users, UserDirectory directory, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<TeamMember>> ListAsync(Caller caller, CancellationToken ct)
    {
        RequireAdmin(caller);
        var members = await db.Users.AsNoTracking().Where(u => u.TenantId == caller.TenantId).OrderBy(u => u.Email).ToListAsync(ct);
        var roles = await RolesOfAsync(members.Select(m => m.Id).ToList(), ct);
        var now = clock.GetUtcNow();
        return members.Select(u => new TeamMember(u.Id, u.Email ?? "", u.DisplayName, roles.GetValueOrDefault(u.Id, ""),
            u.LockoutEnd > now, u.AccessFailedCount)).ToList();
    }

    /// <summary>Creates a user with a generated one-time password, returned once for the admin to hand over.</summary>
    public async Task<IssuedUser> CreateAsync(Caller caller, string email, string role, string? displayName, CancellationToken ct)
    {
        RequireAdmin(caller);
        email = email.Trim();
        if (!System.Net.Mail.MailAddress.TryCreate(email, out var address) || address.Address != email || email.Length > 254)
            throw new InvalidInputException("email", "Enter an email address such as name@example.com.");
        if (displayName is { Length: > 200 }) throw new InvalidInputException("display_name", "A name has at most 200 characters.");
        var issued = await directory.CreateAsync(caller.TenantId, email, role, displayName: string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim());
        audit.Add(caller, AuditActions.UserCreated, Describe(issued.User), after: new { role });
        await db.SaveChangesAsync(ct);
        return issued;
    }

    public async Task SetRoleAsync(Caller caller, string userId, string role, CancellationToken ct)
    {
        RequireAdmin(caller);
        if (!Roles.IsKnown(role)) throw new InvalidInputException("role", $"Unknown role; use one of {string.Join(", ", Roles.All)}.");
        var user = await FindAsync(caller, userId, ct);
        var current = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        if (current == role) return;
        if (current == Roles.Admin) await RequireAnotherAdminAsync(caller, user, "change the role of");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (current.Length > 0) Check(await users.RemoveFromRoleAsync(user, current));
        Check(await users.AddToRoleAsync(user, role));
        // A new security stamp signs the user out of other sessions, so the new role applies at once.
        Check(await users.UpdateSecurityStampAsync(user));
        audit.Add(caller, AuditActions.UserRoleChanged, Describe(user), new { role = current }, new { role });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Sets a new generated password and returns it once; the user's other sessions end.</summary>
    public async Task<string> ResetPasswordAsync(Caller caller, string userId, CancellationToken ct)
    {
        RequireAdmin(caller);
        var user = await FindAsync(caller, userId, ct);
        var password = UserDirectory.GeneratePassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password));
        audit.Add(caller, AuditActions.UserPasswordReset, Describe(user));
        await db.SaveChangesAsync(ct);
        return password;
    }

    public async Task SetLockedAsync(Caller caller, string userId, bool locked, CancellationToken ct)
    {
        RequireAdmin(caller);
        if (userId == caller.UserId) throw new UnprocessableException("You cannot lock your own account.");
        var user = await FindAsync(caller, userId, ct);
        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null));
        if (!locked) Check(await users.ResetAccessFailedCountAsync(user));
        if (locked) Check(await users.UpdateSecurityStampAsync(user));
        audit.Add(caller, locked ? AuditActions.UserLocked : AuditActions.UserUnlocked, Describe(user));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes the user; their dashboards pass to the admin who removed them, so nothing shared disappears.</summary>
    public async Task RemoveAsync(Caller caller, string userId, CancellationToken ct)
    {
        RequireAdmin(caller);
        if (userId == caller.UserId) throw new UnprocessableException("You cannot remove your own account.");
        var user = await FindAsync(caller, userId, ct);
        if ((await users.GetRolesAsync(user)).Contains(Roles.Admin)) await RequireAnotherAdminAsync(caller, user, "remove");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var handedOver = await db.Dashboards.Where(d => d.TenantId == caller.TenantId && d.OwnerId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.OwnerId, caller.UserId), ct);
        Check(await users.DeleteAsync(user));
        audit.Add(caller, AuditActions.UserRemoved, Describe(user), before: new { email = user.Email }, after: new { dashboards_handed_over = handedOver });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private async Task<AppUser> FindAsync(Caller caller, string userId, CancellationToken ct) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.TenantId == caller.TenantId, ct)
        ?? throw new NotFoundException("No such user.");

    private async Task RequireAnotherAdminAsync(Caller caller, AppUser user, string verb)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        if (!admins.Any(a => a.TenantId == caller.TenantId && a.Id != user.Id))
            throw new UnprocessableException($"You cannot {verb} the last admin of the tenant; make someone else admin first.");
    }

    private async Task<Dictionary<string, string>> RolesOfAsync(List<string> userIds, CancellationToken ct) =>
        await (from ur in db.UserRoles
               join r in db.Roles on ur.RoleId equals r.Id
               where userIds.Contains(ur.UserId)
               select new { ur.UserId, r.Name })
            .ToDictionaryAsync(x => x.UserId, x => x.Name ?? "", ct);

    private static string Describe(AppUser user) => $"user {user.Email}";

    private static void RequireAdmin(Caller caller)
    {
        if (!caller.IsInRole(Roles.Admin)) throw new ForbiddenException("Only admins manage users.");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidInputException("user", string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
