using Analytics.Core.Tenancy;

namespace Analytics.Core.Dashboards;

/// <summary>
/// Who may do what with a dashboard. Admins see and do everything; admins and analysts create; the owner and
/// admins edit; the owner and admins delete; only admins share; everyone in a shared role views.
/// </summary>
public static class DashboardAccess
{
    public static bool CanCreate(Caller caller) => caller.IsInRole(Roles.Admin) || caller.IsInRole(Roles.Analyst);

    public static bool CanView(Caller caller, Dashboard dashboard) =>
        caller.IsInRole(Roles.Admin) || IsOwner(caller, dashboard) || dashboard.SharedWith.Any(caller.IsInRole);

    public static bool CanEdit(Caller caller, Dashboard dashboard) =>
        caller.IsInRole(Roles.Admin) || (IsOwner(caller, dashboard) && CanCreate(caller));

    public static bool CanDelete(Caller caller, Dashboard dashboard) => CanEdit(caller, dashboard);

    public static bool CanShare(Caller caller) => caller.IsInRole(Roles.Admin);

    private static bool IsOwner(Caller caller, Dashboard dashboard) => caller.UserId is not null && caller.UserId == dashboard.OwnerId;
}
