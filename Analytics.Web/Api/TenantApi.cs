using Analytics.Core.Errors;
using Analytics.Core.Tenancy;

namespace Analytics.Web.Api;

/// <summary>The <c>/api/{tenant}</c> group: authenticated, and bound to the caller's own tenant.</summary>
public static class TenantApi
{
    private const string CallerKey = "analytics:caller";

    public static RouteGroupBuilder MapTenantApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/{tenant}")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(AnalyticsWebApplication.ApiScheme).RequireAuthenticatedUser())
            .RequireRateLimiting(Security.RateLimits.Api)
            .AddEndpointFilter(async (context, next) =>
            {
                var caller = Bind(context.HttpContext);
                caller.EnsureTenant(context.HttpContext.GetRouteValue("tenant") as string ?? "");
                return await next(context);
            })
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>Establishes the request's caller and binds its scope (and so the DbContext's filters) to the caller's tenant.</summary>
    internal static Caller Bind(HttpContext http)
    {
        var caller = http.User.ToCaller() ?? throw new NotFoundException("No tenant for this caller.");
        http.RequestServices.GetRequiredService<TenantContext>().Use(caller.TenantId);
        http.Items[CallerKey] = caller;
        return caller;
    }

    /// <summary>The caller the group's filter established for this request.</summary>
    public static Caller Caller(this HttpContext http) =>
        http.Items[CallerKey] as Caller ?? throw new InvalidOperationException("Not inside the tenant API group.");
}
