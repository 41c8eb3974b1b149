namespace Analytics.Core.Reports;

public enum SmtpSecurity
{
    StartTls,
    SslOnConnect,
    None,
    Auto,
}
