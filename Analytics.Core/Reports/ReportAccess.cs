using Analytics.Core.Tenancy;

namespace Analytics.Core.Reports;

/// <summary>
/// Who may do what with reports. Reports carry the tenant's business figures, so they are read by those who read the
/// figures (<see cref="Kpis.KpiAccess"/>): admins, analysts and managers, who view and download them (DESIGN.md).
/// Operators and dealers see only what is shared with them, and a report has no sharing of its own.
/// Admins and analysts create, edit, delete and run them; only admins send a test email.
/// </summary>
public static class ReportAccess
{
    public static bool CanView(Caller caller) => Kpis.KpiAccess.CanRead(caller);

    public static bool CanEdit(Caller caller) => caller.IsInRole(Roles.Admin) || caller.IsInRole(Roles.Analyst);

    public static bool CanSendTestEmail(Caller caller) => caller.IsInRole(Roles.Admin);
}
