using Microsoft.Extensions.Logging;

namespace Analytics.Core.Insights;

/// <summary>The default notifier while no mail transport is configured: writes what it would send to the log.</summary>
public sealed partial class LoggedAnomalyNotifier(ILogger<LoggedAnomalyNotifier> logger) : IAnomalyNotifier
{
    public Task NotifyAsync(int tenantId, IReadOnlyList<string> adminEmails, IReadOnlyList<Anomaly> anomalies, CancellationToken ct)
    {
        foreach (var anomaly in anomalies) LogAnomaly(logger, tenantId, adminEmails.Count, anomaly.Description);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "High anomaly for tenant {TenantId} (no email transport; {Admins} admins not emailed): {Description}")]
    private static partial void LogAnomaly(ILogger logger, int tenantId, int admins, string description);
}
