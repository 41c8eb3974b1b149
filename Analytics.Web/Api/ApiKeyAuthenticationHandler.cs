using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Analytics.Core.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Analytics.Web.Api;

/// <summary>Authenticates <c>Authorization: Bearer &lt;key&gt;</c>; the key acts in its tenant with its role.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys,
    TenantDirectory tenants,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>A bearer header means a key; otherwise reads may use the sign-in cookie, writes may not.</summary>
    public static string SelectScheme(HttpContext http)
    {
        if (http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return SchemeName;
        return HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) ? IdentityConstants.ApplicationScheme : SchemeName;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var key = await keys.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("Unknown, revoked or expired API key.");
        var tenant = await tenants.GetAsync(key.TenantId, Context.RequestAborted);
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, $"key:{key.Prefix}"),
            new Claim(AnalyticsClaims.TenantId, key.TenantId.ToString(CultureInfo.InvariantCulture)),
            new Claim(AnalyticsClaims.TenantSlug, tenant.Slug),
            new Claim(AnalyticsClaims.Scope, key.Scope.ToString().ToLowerInvariant()),
            new Claim(ClaimTypes.Role, key.Role),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = "Send a valid API key as 'Authorization: Bearer <key>'.",
            },
        });
    }
}
