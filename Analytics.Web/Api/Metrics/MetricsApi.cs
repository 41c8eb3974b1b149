using System.Diagnostics;
using System.Text.Json;
using Analytics.Core.Errors;
using Analytics.Core.Metrics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Analytics.Web.Api.Metrics;

/// <summary>Seed 004's metric routes: record events, query a series.</summary>
public static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapTenantApi().WithTags("Metrics");
        api.MapPost("/metrics", RecordAsync)
            .WithName("RecordMetrics")
            .WithSummary("Record one metric event or an array of them, all or nothing.")
            .WithDescription($"Each `value` is a finite number between -{MetricValueRange.Bound} and {MetricValueRange.Bound}; anything else refuses the whole request with a 400 naming the field (`value`, or `[i].value` in an array).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/metrics", QueryAsync)
            .WithName("QueryMetrics")
            .WithSummary("Query one metric over a range, grouped by hour, day, week, month or quarter.")
            .WithDescription($"422 when no tier answers the question exactly, or when the metric holds a stored value beyond ±{MetricValueRange.Bound} (its figures cannot be computed; the problem names it under `metric`).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/metrics/summary", SummaryAsync)
            .WithName("MetricsSummary")
            .WithSummary("Total, count, average, min, max, last and change per metric over a range.")
            .WithDescription($"A metric whose figures cannot be computed (it holds a stored value beyond ±{MetricValueRange.Bound}) is left out of `metrics` and listed under `problems` with the reason.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/metrics/catalog", CatalogAsync)
            .WithName("MetricsCatalog")
            .WithSummary("The metric names, modules and dimension keys the tenant has recorded.");
        return app;
    }

    public static async Task<Created<RecordMetricsResponse>> RecordAsync(
        HttpContext http, MetricIngestService ingest, IOptions<IngestOptions> options, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var events = MetricEventReader.Read(await ApiBody.ReadBytesAsync(http.Request, options.Value.MaxBytes, ct));
        var read = Stopwatch.GetElapsedTime(started);
        var recorded = await ingest.RecordAsync(http.Caller(), events, ct);
        // Where the server's time went (W3C Server-Timing), for clients and load tests to tell network from work.
        http.Response.Headers["Server-Timing"] = FormattableString.Invariant(
            $"read;dur={read.TotalMilliseconds:F1}, record;dur={(Stopwatch.GetElapsedTime(started) - read).TotalMilliseconds:F1}");
        return TypedResults.Created((string?)null, new RecordMetricsResponse(recorded));
    }

    public static async Task<Ok<MetricsQueryResponse>> QueryAsync(HttpContext http, MetricQueryService metrics, CancellationToken ct)
    {
        var series = await metrics.QueryAsync(http.Caller(), ParseQuery(http.Request.Query), ct);
        http.Response.Headers[TierHeader] = series.Tier.ToString().ToLowerInvariant();
        return TypedResults.Ok(MetricsQueryResponse.From(series));
    }

    public static async Task<Ok<MetricsSummaryResponse>> SummaryAsync(HttpContext http, MetricQueryService metrics, CancellationToken ct)
    {
        var q = http.Request.Query;
        var overview = await metrics.SummaryAsync(http.Caller(), new MetricQueryRequest(null, q["from"], q["to"], Module: q["module"], Currency: q["currency"]), ct);
        return TypedResults.Ok(new MetricsSummaryResponse(overview.Metrics, overview.Problems));
    }

    public static async Task<Ok<MetricsCatalogResponse>> CatalogAsync(HttpContext http, MetricQueryService metrics, CancellationToken ct) =>
        TypedResults.Ok(new MetricsCatalogResponse(await metrics.CatalogAsync(http.Caller(), ct)));

    public const string TierHeader = "X-Analytics-Tier";

    /// <summary>Both <c>group_by</c> (seed 004) and <c>groupBy</c> (seed 000) name the grouping; <c>filter.&lt;key&gt;=value</c> filters by a dimension.</summary>
    private static MetricQueryRequest ParseQuery(IQueryCollection q) => new(
        q["name"], q["from"], q["to"],
        GroupBy: q.TryGetValue("group_by", out var g) ? g.ToString() : q["groupBy"].ToString(),
        Agg: q["agg"],
        Module: q["module"],
        Filters: q.Where(p => p.Key.StartsWith("filter.", StringComparison.Ordinal)).ToDictionary(p => p.Key["filter.".Length..], p => p.Value.ToString()),
        By: q["by"],
        Segment: q["segment"],
        Currency: q["currency"]);
}
