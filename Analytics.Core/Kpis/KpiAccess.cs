using Analytics.Core.Errors;
using Analytics.Core.Tenancy;

namespace Analytics.Core.Kpis;

/// <summary>Business figures are for admins, analysts and managers; operators and dealers see only dashboards shared with them.</summary>
public static class KpiAccess
{
    public static bool CanRead(Caller caller) =>
        caller.IsInRole(Roles.Admin) || caller.IsInRole(Roles.Analyst) || caller.IsInRole(Roles.Manager);

    public static void EnsureCanRead(Caller caller)
    {
        if (!CanRead(caller)) throw new ForbiddenException("Business KPIs are for admins, analysts and managers.");
    }
}
