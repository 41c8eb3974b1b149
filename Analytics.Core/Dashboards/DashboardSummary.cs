namespace Analytics.Core.Dashboards;

/// <summary>A dashboard in a list, with what the caller may do with it.</summary>
public sealed record DashboardSummary(
    long Id, string Name, string? Description, string Owner, IReadOnlyList<string> SharedWith, int Widgets,
    DateTime CreatedAt, DateTime UpdatedAt, bool CanEdit, bool CanDelete);
