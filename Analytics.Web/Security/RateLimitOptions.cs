namespace Analytics.Web.Security;

/// <summary>Request budgets per API key and per signed-in user; a caller over budget gets 429 with Retry-After.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests an API key may make per <see cref="Window"/>.</summary>
    public int ApiKeyPermits { get; set; } = 600;

    /// <summary>API requests a signed-in user (cookie) may make per <see cref="Window"/>.</summary>
    public int UserPermits { get; set; } = 300;

    /// <summary>Sign-in attempts one client address may make per <see cref="Window"/>, on top of the account lockout.</summary>
    public int SignInPermits { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
