using Analytics.Core.Tenancy;

namespace Analytics.Core.Admin;

/// <summary>One change an admin needs to be able to trace: who did what to which object, and its state before and after.</summary>
public sealed class AuditEntry : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public DateTime At { get; set; }
    public string? ActorId { get; set; }
    public required string Actor { get; set; }
    /// <summary>A dotted verb such as <c>dashboard.sharing_changed</c>; see <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }
    /// <summary>The object, as people read it: <c>dashboard 12 "Sales"</c>.</summary>
    public required string Target { get; set; }
    /// <summary>JSON of the fields that changed, before and after; null where there was nothing (created, deleted).</summary>
    public string? Before { get; set; }
    public string? After { get; set; }
}
