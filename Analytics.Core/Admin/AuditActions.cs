namespace Analytics.Core.Admin;

/// <summary>The actions the audit log records; the wire and filter names.</summary>
public static class AuditActions
{
    public const string DashboardSharingChanged = "dashboard.sharing_changed";
    public const string DashboardDeleted = "dashboard.deleted";
    public const string UserCreated = "user.created";
    public const string UserRoleChanged = "user.role_changed";
    public const string UserPasswordReset = "user.password_reset";
    public const string UserLocked = "user.locked";
    public const string UserUnlocked = "user.unlocked";
    public const string UserRemoved = "user.removed";
    public const string ApiKeyCreated = "api_key.created";
    public const string ApiKeyRevoked = "api_key.revoked";
    public const string SettingsChanged = "settings.changed";
    public const string ReportCreated = "report.created";
    public const string ReportChanged = "report.changed";
    public const string ReportDeleted = "report.deleted";
    public const string MetricDefinitionChanged = "metric_definition.changed";
    public const string ModuleAdded = "module.added";

    public static readonly IReadOnlyList<string> All =
    [
        DashboardSharingChanged, DashboardDeleted, UserCreated, UserRoleChanged, UserPasswordReset, UserLocked, UserUnlocked,
        UserRemoved, ApiKeyCreated, ApiKeyRevoked, SettingsChanged, ReportCreated, ReportChanged, ReportDeleted,
        MetricDefinitionChanged, ModuleAdded,
    ];
}
