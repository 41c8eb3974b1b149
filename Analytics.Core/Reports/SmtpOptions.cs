namespace Analytics.Core.Reports;

/// <summary>Outgoing mail (section <c>Smtp</c>): SMTP when <see cref="Host"/> is set, else <c>.eml</c> files in <see cref="PickupFolder"/>.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>The SMTP server; empty writes mail to the pickup folder instead.</summary>
    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    /// <summary>StartTls, SslOnConnect, None, or Auto (MailKit picks from the port).</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Sign-in name; empty sends without authentication.</summary>
    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>The sender, e.g. <c>Analytics &lt;reports@example.com&gt;</c>.</summary>
    public string From { get; set; } = "Analytics <reports@localhost>";

    /// <summary>Where mail goes as <c>.eml</c> files when no host is set; a relative path is taken from the app's content root.</summary>
    public string PickupFolder { get; set; } = "data/mail";

    /// <summary>How long one SMTP conversation may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
