using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Analytics.Web.Api;

/// <summary>
/// The OpenAPI document of both API groups at <c>/openapi/v1.json</c> and a browsable reference at <c>/scalar</c>:
/// the Bearer key scheme, seed 000's camelCase names on its routes and the seed's examples on its responses.
/// </summary>
public static class ApiReference
{
    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Analytics API",
                    Version = "v1",
                    Description = "Seed 004's tenant API under /api/{tenant} (snake_case) and seed 000's business KPI API under /api/analytics (camelCase). " +
                        "Authenticate with an API key in the header `Authorization: Bearer ak_…`.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "API key",
                    Description = "A tenant API key, created by an admin.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
                // The sign-in form's endpoints belong to the UI, not to the API.
                foreach (var path in document.Paths.Keys.Where(p => p.StartsWith("/account", StringComparison.Ordinal)).ToList()) document.Paths.Remove(path);
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
                if (name is not null && QueryParameters.TryGetValue(name, out var parameters))
                {
                    operation.Parameters ??= [];
                    foreach (var (parameter, description) in parameters)
                        operation.Parameters.Add(new OpenApiParameter { Name = parameter, In = ParameterLocation.Query, Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
                }
                if (name is not null && Examples.TryGetValue(name, out var example)
                    && operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var media) == true)
                    media.Example = JsonNode.Parse(example);
                return Task.CompletedTask;
            });
            // Seed 000's routes write camelCase; the schemas generated from the snake_case defaults are renamed to match.
            o.AddSchemaTransformer((schema, context, _) =>
            {
                var ns = context.JsonTypeInfo.Type.Namespace ?? "";
                if (schema.Properties is { Count: > 0 } properties && ns is "Analytics.Core.Kpis" or "Analytics.Core.Insights" or "Analytics.Web.Api.Kpis" or "Analytics.Web.Api.Insights")
                    foreach (var key in properties.Keys.ToList().Where(k => k.Contains('_')))
                    {
                        var camel = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(string.Concat(key.Split('_').Select((p, i) => i == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..])));
                        properties[camel] = properties[key];
                        properties.Remove(key);
                    }
                return Task.CompletedTask;
            });
        });

    /// <summary>The app's policy, but the reference page starts its viewer with one inline module script.</summary>
    public static readonly string ReferencePolicy =
        Security.SecurityHeaders.ContentSecurityPolicy.Replace("script-src 'self'", "script-src 'self' 'unsafe-inline'", StringComparison.Ordinal);

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/scalar"))
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.ContentSecurityPolicy = ReferencePolicy;
                    return Task.CompletedTask;
                });
            return next(context);
        });
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/scalar", o => o.WithTitle("Analytics API").AddPreferredSecuritySchemes("Bearer")).AllowAnonymous();
        return app;
    }

    private static readonly (string, string)[] Common =
    [
        ("from", "Period start: ISO 8601 date or date-time in the tenant's zone (default: 30 days ago)."),
        ("to", "Period end: ISO 8601; a date includes its whole day (default: today)."),
        ("groupBy", "day | week | month | quarter"),
        ("currency", "Currency for monetary values (default: the tenant's, usd)."),
    ];

    /// <summary>The query parameters seed 000's handlers read, by endpoint name.</summary>
    private static readonly Dictionary<string, (string, string)[]> QueryParameters = new()
    {
        ["GetRevenueKpis"] = Common, ["GetSalesKpis"] = Common, ["GetProductsKpis"] = Common, ["GetCustomersKpis"] = Common,
        ["GetInventoryKpis"] = Common, ["GetHrKpis"] = Common, ["GetSupportKpis"] = Common, ["GetMarketingKpis"] = Common,
        ["GetForecast"] =
        [
            ("periods", "Buckets to forecast, 1–36 (default 3)."), ("granularity", "day | week | month | quarter (default month)"),
            ("metric", "Metric to forecast (default revenue)."), ("currency", "Currency for monetary values."),
        ],
        ["ListAnomalies"] =
        [
            ("severity", "Minimum severity: low | medium | high"), ("metric", "Filter by metric name"),
            ("from", "First day (ISO 8601 date)"), ("to", "Last day (ISO 8601 date)"),
        ],
    };

    /// <summary>Response examples as seed 000 shows them, by endpoint name.</summary>
    private static readonly Dictionary<string, string> Examples = new()
    {
        ["GetRevenueKpis"] = """
            {"summary":{"totalRevenue":3780000,"revenueGrowth":0.23,"mrr":1280000,"arr":15360000,"avgOrderValue":54000,"currency":"usd"},
             "timeSeries":[{"period":"2026-01","revenue":980000,"orders":18,"refunds":15000},{"period":"2026-02","revenue":1240000,"orders":23,"refunds":0},{"period":"2026-03","revenue":1560000,"orders":29,"refunds":49900}],
             "byProduct":[{"productName":"Shopify Connector","revenue":1498000,"units":30},{"productName":"Amazon Connector","revenue":998000,"units":20}]}
            """,
        ["GetSalesKpis"] = """
            {"funnel":[{"stage":"leads","count":420,"value":20580000},{"stage":"qualified","count":210,"value":10290000},{"stage":"proposal","count":95,"value":4655000},
             {"stage":"negotiation","count":48,"value":2352000},{"stage":"won","count":70,"value":3430000}],"winRate":0.167,"avgDealSize":49000,"avgCycledays":18}
            """,
        ["GetCustomersKpis"] = """
            {"newCustomers":48,"churnedCustomers":3,"netGrowth":45,"avgLtv":298000,"cac":12000,"ltvCacRatio":24.8,"retentionRate":0.94,
             "byAcquisitionChannel":[{"channel":"organic_search","customers":22,"percent":0.46},{"channel":"direct","customers":14,"percent":0.29},{"channel":"referral","customers":12,"percent":0.25}]}
            """,
        ["GetForecast"] = """
            {"model":"linear_regression_with_seasonality","generatedAt":"2026-03-20T12:00:00Z",
             "forecast":[{"period":"2026-04","predicted":1820000,"confidenceLow":1650000,"confidenceHigh":1990000},{"period":"2026-05","predicted":2050000,"confidenceLow":1840000,"confidenceHigh":2260000},
             {"period":"2026-06","predicted":2340000,"confidenceLow":2090000,"confidenceHigh":2590000}],"confidence":0.87,"currency":"usd"}
            """,
        ["ListAnomalies"] = """
            {"anomalies":[{"metric":"daily_revenue","severity":"high","detectedAt":"2026-03-19T23:00:00Z","expected":52000,"actual":12000,"deviation":-0.77,
             "description":"Revenue 77% below 30-day moving average on 2026-03-19"}]}
            """,
    };
}
