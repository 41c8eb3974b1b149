using Analytics.Core.Dashboards;

namespace Analytics.Web.Api.Dashboards;

/// <summary>A dashboard on the wire (seed 004, snake_case), with its widgets and the caller's rights.</summary>
public sealed record DashboardResponse(
    long Id, string Name, string? Description, string Owner, IReadOnlyList<string> SharedWith,
    DateTime CreatedAt, DateTime UpdatedAt, bool CanEdit, bool CanDelete, IReadOnlyList<WidgetResponse> Widgets)
{
    public static DashboardResponse From(DashboardView view) => new(
        view.Dashboard.Id, view.Dashboard.Name, view.Dashboard.Description, view.Owner, view.Dashboard.SharedWith,
        view.Dashboard.CreatedAt, view.Dashboard.UpdatedAt, view.CanEdit, view.CanDelete,
        view.Dashboard.Widgets.Select(WidgetResponse.Of).ToList());
}
