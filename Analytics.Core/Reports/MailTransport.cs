using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Analytics.Core.Reports;

/// <summary>Sends a message over SMTP (MailKit) when <see cref="SmtpOptions.Host"/> is set, else writes it as an <c>.eml</c> file to the pickup folder.</summary>
public sealed class MailTransport(IOptions<SmtpOptions> options, TimeProvider clock)
{
    /// <summary>Sends the message; answers how it went out: <c>smtp</c> or <c>pickup</c>.</summary>
    public async Task<string> SendAsync(MimeMessage message, CancellationToken ct)
    {
        var smtp = options.Value;
        if (message.From.Count == 0) message.From.Add(MailboxAddress.Parse(smtp.From));
        message.Date = clock.GetUtcNow();
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            Directory.CreateDirectory(smtp.PickupFolder);
            var path = Path.Combine(smtp.PickupFolder, $"{clock.GetUtcNow():yyyyMMdd'T'HHmmss}-{Guid.NewGuid():N}.eml");
            // Written under a temporary name first, so a pickup service never reads half a message.
            await message.WriteToAsync(path + ".tmp", ct);
            File.Move(path + ".tmp", path);
            return "pickup";
        }

        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        var security = smtp.Security switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.Auto => SecureSocketOptions.Auto,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(smtp.Host, smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password, ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
        return "smtp";
    }
}
