using Analytics.Core.Data;
using Analytics.Core.Tenancy;
using Analytics.Web.Api;
using Analytics.Web.Api.Customers;
using Analytics.Web.Api.Dashboards;
using Analytics.Web.Api.Insights;
using Analytics.Web.Api.Kpis;
using Analytics.Web.Api.Metrics;
using Analytics.Web.Api.Reports;
using Analytics.Web.Cli;
using Analytics.Web.Components;
using Analytics.Web.Identity;
using Analytics.Web.Operations;
using Analytics.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

namespace Analytics.Web;

/// <summary>The web delivery: authentication, the API, the Blazor UI and health.</summary>
public static class AnalyticsWebApplication
{
    public const string ApiScheme = "Api";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddAnalyticsWeb(this IServiceCollection services, IConfiguration configuration)
    {
        // Keys in the database: sign-ins survive restarts and work on every node, without a per-machine key folder.
        services.AddDataProtection().SetApplicationName("Analytics").PersistKeysToDbContext<AnalyticsDbContext>();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddCascadingAuthenticationState();
        services.AddScoped<CallerAccessor>();
        services.AddScoped<AdminCommandLine>();

        // Core registers the user store and options; the web adds cookie sign-in on top.
        new IdentityBuilder(typeof(AppUser), typeof(IdentityRole), services).AddSignInManager().AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(ApiScheme, "API key or cookie", o => o.ForwardDefaultSelector = ApiKeyAuthenticationHandler.SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/access-denied";
                o.Cookie.Name = "analytics.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
            }));
        services.AddAuthorization();

        services.AddProblemDetails();
        services.AddExceptionHandler<AnalyticsExceptionHandler>();
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddApiReference();
        // SecurityHeaders refuses framing everywhere; antiforgery would add a second, weaker X-Frame-Options.
        services.AddAntiforgery(o => o.SuppressXFrameOptionsHeader = true);
        services.AddAnalyticsRateLimits(configuration);
        services.AddAnalyticsTelemetry(configuration);
        services.AddHealthChecks().AddDbContextCheck<AnalyticsDbContext>("database", tags: [ReadyTag]);
        return services;
    }

    public static WebApplication UseAnalyticsWeb(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // A person who follows a dead link gets the not-found page (handled before the ProblemDetails above, which the API and health routes keep).
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/health")
                            && HttpMethods.IsGet(http.Request.Method),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        // Routing after the status-code pages, so the re-executed request finds the not-found page's endpoint.
        app.UseRouting();
        if (!app.Environment.IsDevelopment()) app.UseHsts();

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets();
        // Live: the process answers. Ready: it can reach its database, so a load balancer may send it traffic.
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapMetricsApi();
        app.MapMetricDefinitionsApi();
        app.MapDashboardsApi();
        app.MapReportExportApi();
        app.MapDashboardPdfApi();
        app.MapReportsApi();
        app.MapCustomersApi();
        app.MapSegmentsApi();
        app.MapKpisApi();
        app.MapInsightsApi();
        app.MapApiReference();
        app.MapAccountEndpoints();
        // Our policy already refuses all framing; Blazor would add a second policy allowing same-origin frames.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
