using Analytics.Core.Insights;

namespace Analytics.Web.Api.Insights;

/// <summary>Seed 000's forecast and anomaly routes, and the admin route that runs the detector now.</summary>
public static class InsightsApi
{
    public static IEndpointRouteBuilder MapInsightsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapAnalyticsApi().WithTags("Analytics");
        api.MapGet("/forecast", async (HttpContext http, ForecastService forecasts, CancellationToken ct) =>
            {
                var q = http.Request.Query;
                return AnalyticsApi.Json(await forecasts.GetAsync(http.Caller(), new ForecastRequest(q["periods"], q["granularity"], q["metric"], q["currency"]), ct));
            })
            .WithName("GetForecast").WithSummary("Forecast of revenue (or another metric) with prediction intervals and a backtest confidence.")
            .Produces<ForecastResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/anomalies", async (HttpContext http, AnomalyService anomalies, CancellationToken ct) =>
            {
                var q = http.Request.Query;
                var found = await anomalies.ListAsync(http.Caller(), new AnomalyQuery(q["severity"], q["metric"], q["from"], q["to"]), ct);
                return AnalyticsApi.Json(AnomaliesResponse.Of(found));
            })
            .WithName("ListAnomalies").WithSummary("Detected metric anomalies: severity is the minimum, metric, from and to filter.")
            .Produces<AnomaliesResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/anomalies/detect", async (HttpContext http, AnomalyService anomalies, CancellationToken ct) =>
            {
                if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
                    await ApiBody.ReadAsync<DetectAnomaliesBody>(http.Request, ct);
                return AnalyticsApi.Json(AnomaliesResponse.Of(await anomalies.DetectAsync(http.Caller(), ct)));
            })
            .WithName("DetectAnomalies").WithSummary("Run the anomaly detector now (admin); answers the findings it stored.")
            .Produces<AnomaliesResponse>().ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }
}
