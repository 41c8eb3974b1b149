namespace Analytics.Core.Insights;

/// <summary>Tells a tenant's admins about new high anomalies, when <see cref="AnomalyOptions.EmailAdmins"/> is on; <see cref="MailedAnomalyNotifier"/> by default.</summary>
public interface IAnomalyNotifier
{
    Task NotifyAsync(int tenantId, IReadOnlyList<string> adminEmails, IReadOnlyList<Anomaly> anomalies, CancellationToken ct);
}
