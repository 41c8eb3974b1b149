using System.Net;
using Analytics.Core.Reports;
using Analytics.Core.Tenancy;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Analytics.Core.Insights;

/// <summary>Emails new high anomalies to the tenant's admins through the product's mail transport (SMTP or the pickup folder).</summary>
public sealed partial class MailedAnomalyNotifier(MailTransport transport, TenantDirectory tenants, ILogger<MailedAnomalyNotifier> logger) : IAnomalyNotifier
{
    public async Task NotifyAsync(int tenantId, IReadOnlyList<string> adminEmails, IReadOnlyList<Anomaly> anomalies, CancellationToken ct)
    {
        if (adminEmails.Count == 0 || anomalies.Count == 0) return;
        var tenant = await tenants.GetAsync(tenantId, ct);
        var message = new MimeMessage
        {
            Subject = anomalies.Count == 1 ? $"Anomaly: {anomalies[0].Description}" : $"{anomalies.Count} high anomalies in {tenant.Name}",
        };
        foreach (var address in adminEmails) message.To.Add(MailboxAddress.Parse(address));
        var lines = anomalies.Select(a => FormattableString.Invariant($"{a.Description} (expected {a.Expected:0.##}, actual {a.Actual:0.##})")).ToList();
        message.Body = new BodyBuilder
        {
            TextBody = $"{tenant.Name}: new high anomalies\n\n{string.Join("\n", lines)}\n\nSee Insights → Anomalies.\n",
            HtmlBody = $"<html><body style=\"font-family: sans-serif\"><h3>{WebUtility.HtmlEncode(tenant.Name)}: new high anomalies</h3><ul>"
                + string.Concat(lines.Select(l => $"<li>{WebUtility.HtmlEncode(l)}</li>")) + "</ul><p>See Insights → Anomalies.</p></body></html>",
        }.ToMessageBody();
        try
        {
            await transport.SendAsync(message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The findings are stored and shown in the app either way; a mail failure must not undo them.
            LogFailed(logger, e, tenant.Slug);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not email the admins of {Slug} about new high anomalies")]
    private static partial void LogFailed(ILogger logger, Exception exception, string slug);
}
