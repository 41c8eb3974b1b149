namespace Analytics.Core.Admin;

/// <summary>What an admin sets for the whole tenant (wire names snake_case).</summary>
public sealed record TenantSettings(string Name, string TimeZone, string Currency);
