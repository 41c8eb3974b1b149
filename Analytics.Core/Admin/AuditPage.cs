namespace Analytics.Core.Admin;

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total);
