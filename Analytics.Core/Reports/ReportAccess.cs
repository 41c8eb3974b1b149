using Analytics.Core.Tenancy;

namespace Analytics.Core.Reports;

/// <summary>
/// Who may do what with reports. Every role of the tenant sees its reports and downloads their files: managers read
/// them (DESIGN.md), and operators and dealers get the same read access because a report has no sharing of its own.
/// Admins and analysts create, edit, delete and run them; only admins send a test email.
/// </summary>
public static class ReportAccess
{
    public static bool CanView(Caller caller) => Roles.All.Any(caller.IsInRole);

    public static bool CanEdit(Caller caller) => caller.IsInRole(Roles.Admin) || caller.IsInRole(Roles.Analyst);

    public static bool CanSendTestEmail(Caller caller) => caller.IsInRole(Roles.Admin);
}
