namespace Analytics.Core.Admin;

/// <summary>A user of the tenant as the admin pages list them.</summary>
public sealed record TeamMember(string Id, string Email, string? DisplayName, string Role, bool Locked, int FailedSignIns);
