using System.Security.Cryptography;
using Analytics.Core.Errors;
using Microsoft.AspNetCore.Identity;

namespace Analytics.Core.Tenancy;

/// <summary>Creates users inside a tenant, each with one of the product's roles.</summary>
public sealed class UserDirectory(UserManager<AppUser> users, RoleManager<IdentityRole> roles)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), "role");
    }

    /// <summary>Creates the user; without a password one is generated and returned.</summary>
    public async Task<IssuedUser> CreateAsync(int tenantId, string email, string role, string? password = null, string? displayName = null)
    {
        if (!Roles.IsKnown(role)) throw new InvalidInputException("role", $"Unknown role; use one of {string.Join(", ", Roles.All)}.");
        if (await users.FindByEmailAsync(email) is not null) throw new InvalidInputException("email", "A user with this email already exists.");
        await EnsureRolesAsync();
        password ??= GeneratePassword();
        var user = new AppUser
        {
            TenantId = tenantId,
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
        };
        Check(await users.CreateAsync(user, password), "email");
        Check(await users.AddToRoleAsync(user, role), "role");
        return new IssuedUser(user, password);
    }

    public Task<AppUser?> FindAsync(string userId) => users.FindByIdAsync(userId);

    public async Task SetDarkModeAsync(string userId, bool dark)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("No such user.");
        user.DarkMode = dark;
        Check(await users.UpdateAsync(user), "dark_mode");
    }

    internal static string GeneratePassword() =>
        $"{RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyz", 8)}-{RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ", 4)}-{RandomNumberGenerator.GetInt32(1000, 9999)}!";

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
            throw new InvalidInputException(field, string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
