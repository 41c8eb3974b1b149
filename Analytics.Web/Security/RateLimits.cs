using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Analytics.Web.Security;

/// <summary>
/// Fixed-window budgets: the API per key (or per signed-in user when a page downloads with its cookie), sign-in per
/// client address. Anonymous API calls are not counted here: they end in a 401 before doing any work.
/// </summary>
public static class RateLimits
{
    public const string Api = "api";

    public static IServiceCollection AddAnalyticsRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => o.ApiKeyPermits > 0 && o.UserPermits > 0 && o.SignInPermits > 0 && o.Window > TimeSpan.Zero,
                "RateLimits permits and window must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.AddPolicy(Api, http => Partition(http, ApiPartition(http)));
            // The sign-in page is a static form that posts to itself, so its budget is keyed on the request, not an endpoint.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                HttpMethods.IsPost(http.Request.Method) && http.Request.Path.StartsWithSegments("/account/login")
                    ? Partition(http, ("sign-in:" + http.Connection.RemoteIpAddress, o => o.SignInPermits))
                    : RateLimitPartition.GetNoLimiter(""));
        });
        return services;
    }

    private static (string Key, Func<RateLimitOptions, int> Permits)? ApiPartition(HttpContext http)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true) return null;
        var name = user.FindFirstValue(ClaimTypes.Name) ?? "";
        return name.StartsWith("key:", StringComparison.Ordinal)
            ? (name, o => o.ApiKeyPermits)
            : ("user:" + user.FindFirstValue(ClaimTypes.NameIdentifier), o => o.UserPermits);
    }

    private static RateLimitPartition<string> Partition(HttpContext http, (string Key, Func<RateLimitOptions, int> Permits)? partition)
    {
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
        if (!options.Enabled || partition is not { } p) return RateLimitPartition.GetNoLimiter("unlimited");
        return RateLimitPartition.GetFixedWindowLimiter(p.Key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = p.Permits(options),
            Window = options.Window,
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"The request budget is used up; try again in {http.Response.Headers.RetryAfter} s.",
            },
        });
    }
}
