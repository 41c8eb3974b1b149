using Analytics.Core.Customers;
using Analytics.Web.Components.Widgets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Web.Api.Customers;

/// <summary>Seed 004's segment routes, with editing, a count preview and a CSV export of members; rules live in <see cref="SegmentDirectory"/>.</summary>
public static class SegmentsApi
{
    public static IEndpointRouteBuilder MapSegmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapTenantApi().WithTags("Segments");
        api.MapGet("/segments", ListAsync).WithName("ListSegments").WithSummary("Segments with their current member counts.");
        api.MapPost("/segments", CreateAsync).WithName("CreateSegment").WithSummary("Create a segment with rules (admin, analyst).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/segments/preview", PreviewAsync).WithName("PreviewSegment").WithSummary("How many customers the rules select now.")
            .ProducesValidationProblem();
        api.MapGet("/segments/{id}", GetAsync).WithName("GetSegment").WithSummary("A segment by id or name.");
        api.MapPatch("/segments/{id}", UpdateAsync).WithName("UpdateSegment").WithSummary("Change a segment's name, description or rules (admin, analyst).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapDelete("/segments/{id}", DeleteAsync).WithName("DeleteSegment").WithSummary("Delete a segment that is not built in (admin, analyst).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/segments/{id}/members", MembersAsync).WithName("SegmentMembers")
            .WithSummary("The segment's members, paged like the customer list; format=csv downloads all of them.")
            .ProducesValidationProblem();
        return app;
    }

    public static async Task<Ok<SegmentListResponse>> ListAsync(HttpContext http, SegmentDirectory segments, CancellationToken ct) =>
        TypedResults.Ok(new SegmentListResponse((await segments.ListAsync(http.Caller(), ct)).Select(SegmentResponse.From).ToList()));

    public static async Task<Created<SegmentResponse>> CreateAsync(HttpContext http, SegmentDirectory segments, CancellationToken ct)
    {
        var input = await ApiBody.ReadAsync<SegmentInput>(http.Request, ct);
        var segment = await segments.CreateAsync(http.Caller(), input, ct);
        return TypedResults.Created($"/api/{http.Caller().TenantSlug}/segments/{segment.Id}", SegmentResponse.From(segment));
    }

    public static async Task<Ok<SegmentPreviewResponse>> PreviewAsync(HttpContext http, SegmentDirectory segments, CancellationToken ct)
    {
        var input = await ApiBody.ReadAsync<SegmentPreviewRequest>(http.Request, ct);
        return TypedResults.Ok(new SegmentPreviewResponse(await segments.PreviewAsync(http.Caller(), input.Rules, ct)));
    }

    public static async Task<Ok<SegmentResponse>> GetAsync(HttpContext http, string id, SegmentDirectory segments, CancellationToken ct) =>
        TypedResults.Ok(SegmentResponse.From(await segments.GetAsync(http.Caller(), id, ct)));

    public static async Task<Ok<SegmentResponse>> UpdateAsync(HttpContext http, string id, SegmentDirectory segments, CancellationToken ct)
    {
        var input = await ApiBody.ReadAsync<SegmentInput>(http.Request, ct);
        return TypedResults.Ok(SegmentResponse.From(await segments.UpdateAsync(http.Caller(), id, input, ct)));
    }

    public static async Task<NoContent> DeleteAsync(HttpContext http, string id, SegmentDirectory segments, CancellationToken ct)
    {
        await segments.DeleteAsync(http.Caller(), id, ct);
        return TypedResults.NoContent();
    }

    public static async Task<IResult> MembersAsync(HttpContext http, string id, SegmentDirectory segments, CancellationToken ct)
    {
        if (http.Request.Query["format"] == "csv")
        {
            var segment = await segments.GetAsync(http.Caller(), id, ct);
            return new MembersCsvResult(segment.Name, segments.AllMembersAsync(http.Caller(), id, ct));
        }
        return TypedResults.Ok(CustomerListResponse.From(await segments.MembersAsync(http.Caller(), id, ListParameters.Read(http.Request.Query), ct)));
    }

    /// <summary>Streams members as CSV, a page at a time, so a large segment never sits in memory whole.</summary>
    private sealed class MembersCsvResult(string segment, IAsyncEnumerable<CustomerView> members) : IResult
    {
        public static readonly string[] Header = ["id", "external_id", "name", "email", "country", "ltv", "order_count", "engagement_score", "first_seen", "last_seen", "segments"];

        public async Task ExecuteAsync(HttpContext http)
        {
            var safe = new string(segment.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
            http.Response.ContentType = CsvExport.MimeType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"segment-{safe}.csv\"";
            await using var writer = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(false));
            await writer.WriteAsync(CsvExport.Write(Header, []));
            var rows = new List<IReadOnlyList<object?>>(200);
            await foreach (var c in members.WithCancellation(http.RequestAborted))
            {
                rows.Add([c.Id, c.ExternalId, c.Name, c.Email, c.Country, c.Ltv, c.OrderCount, c.EngagementScore, c.FirstSeen, c.LastSeen, string.Join(' ', c.Segments)]);
                if (rows.Count < 200) continue;
                await writer.WriteAsync(CsvExport.Lines(rows));
                rows.Clear();
            }
            await writer.WriteAsync(CsvExport.Lines(rows));
        }
    }
}
