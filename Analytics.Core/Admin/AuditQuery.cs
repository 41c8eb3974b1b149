namespace Analytics.Core.Admin;

/// <summary>A page of the audit log, newest first; every filter is optional.</summary>
public sealed record AuditQuery(string? Action = null, string? Actor = null, DateTime? FromUtc = null, DateTime? ToUtc = null, int Skip = 0, int Take = 50);
