using System.Globalization;
using System.Net;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Analytics.Core.Reports;

/// <summary>Writes the emails of the product: a run's report (attached, or linked when it is large) and the admin's test email.</summary>
public sealed class ReportMailer(MailTransport transport, TenantDirectory tenants, IOptions<ReportsOptions> options)
{
    public async Task<string> SendRunAsync(ReportDefinition definition, ReportRun run, byte[] content, CancellationToken ct)
    {
        var tenant = await tenants.GetAsync(run.TenantId, ct);
        var message = new MimeMessage();
        foreach (var address in definition.EmailTo) message.To.Add(MailboxAddress.Parse(address));
        message.Subject = $"{definition.Name} — {run.PeriodLabel}";
        var attach = content.LongLength <= options.Value.MaxAttachmentBytes;
        var link = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/{tenant.Slug}/reports/{definition.Id}/download?run={run.Id}";
        var size = Size(content.LongLength);
        var text = attach
            ? $"{definition.Name}\n{tenant.Name} · {run.PeriodLabel}\n\nThe report is attached ({run.FileName}, {size}).\n"
            : $"{definition.Name}\n{tenant.Name} · {run.PeriodLabel}\n\nThe report ({size}) is too large to attach. Download it here:\n{link}\n";
        Func<string?, string?> e = WebUtility.HtmlEncode;
        var html = $"""
            <html><body style="font-family: sans-serif">
            <h2 style="margin-bottom: 0">{e(definition.Name)}</h2>
            <p style="color: #666; margin-top: 4px">{e(tenant.Name)} · {e(run.PeriodLabel)}</p>
            <p>{(attach ? $"The report is attached ({e(run.FileName)}, {size})." : $"The report ({size}) is too large to attach: <a href=\"{e(link)}\">download it</a>.")}</p>
            </body></html>
            """;
        var body = new BodyBuilder { TextBody = text, HtmlBody = html };
        if (attach) body.Attachments.Add(run.FileName ?? "report", content, ContentType.Parse(run.ContentType ?? "application/octet-stream"));
        message.Body = body.ToMessageBody();
        return await transport.SendAsync(message, ct);
    }

    /// <summary>Sends a short message to check the mail settings (admin only); answers <c>smtp</c> or <c>pickup</c>.</summary>
    public async Task<string> SendTestAsync(Caller caller, string? to, CancellationToken ct)
    {
        if (!caller.CanWrite) throw new ForbiddenException("This key may only read.");
        if (!ReportAccess.CanSendTestEmail(caller)) throw new ForbiddenException("Only admins send a test email.");
        if (!ReportValidator.IsAddress(to)) throw new InvalidInputException("to", "Not an email address.");
        var tenant = await tenants.GetAsync(caller.TenantId, ct);
        var message = new MimeMessage { Subject = "Analytics test email" };
        message.To.Add(MailboxAddress.Parse(to!.Trim()));
        message.Body = new BodyBuilder
        {
            TextBody = $"This is a test email from Analytics for {tenant.Name}. Report emails will arrive like this one.\n",
            HtmlBody = $"<html><body style=\"font-family: sans-serif\"><p>This is a test email from Analytics for <b>{WebUtility.HtmlEncode(tenant.Name)}</b>. Report emails will arrive like this one.</p></body></html>",
        }.ToMessageBody();
        try
        {
            return await transport.SendAsync(message, ct);
        }
        catch (Exception e) when (e is MailKit.ProtocolException or MailKit.Net.Smtp.SmtpCommandException or System.Net.Sockets.SocketException or IOException
                                      or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException)
        {
            throw new UnprocessableException($"The mail server refused or could not be reached: {e.Message}");
        }
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MB"),
    };
}
