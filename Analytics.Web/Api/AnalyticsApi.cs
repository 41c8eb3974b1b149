using System.Text.Json;

namespace Analytics.Web.Api;

/// <summary>The <c>/api/analytics</c> group of seed 000: camelCase JSON, the tenant taken from the caller's key or cookie.</summary>
public static class AnalyticsApi
{
    public static readonly JsonSerializerOptions CamelCase = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Seed 000's request bodies: camelCase names, unknown fields refused.</summary>
    public static readonly JsonSerializerOptions Strict = new(CamelCase)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
    };

    public static RouteGroupBuilder MapAnalyticsApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/analytics")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(AnalyticsWebApplication.ApiScheme).RequireAuthenticatedUser())
            .RequireRateLimiting(Security.RateLimits.Api)
            .AddEndpointFilter(async (context, next) =>
            {
                TenantApi.Bind(context.HttpContext);
                return await next(context);
            })
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>Writes <paramref name="value"/> with seed 000's camelCase names.</summary>
    public static IResult Json<T>(T value) => TypedResults.Json(value, CamelCase);
}
