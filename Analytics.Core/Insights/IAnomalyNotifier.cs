namespace Analytics.Core.Insights;

/// <summary>Tells a tenant's admins about new high anomalies (e.g. by email), when <see cref="AnomalyOptions.EmailAdmins"/> is on.</summary>
public interface IAnomalyNotifier
{
    Task NotifyAsync(int tenantId, IReadOnlyList<string> adminEmails, IReadOnlyList<Anomaly> anomalies, CancellationToken ct);
}
