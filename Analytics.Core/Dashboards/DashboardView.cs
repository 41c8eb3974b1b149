namespace Analytics.Core.Dashboards;

/// <summary>A dashboard with its widgets and the caller's rights on it.</summary>
public sealed record DashboardView(Dashboard Dashboard, string Owner, bool CanEdit, bool CanDelete, bool CanShare);
