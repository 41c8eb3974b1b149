namespace Analytics.Core.Tenancy;

public sealed record IssuedUser(AppUser User, string Password);
