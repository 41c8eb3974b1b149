using Analytics.Core.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Web.Api.Reports;

/// <summary>Seed 004's report routes, plus edit, delete, run now and the admin's test email; every rule is in <see cref="ReportService"/>.</summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapTenantApi().WithTags("Reports");
        api.MapGet("/reports", ListAsync).WithName("ListReports").WithSummary("The tenant's report definitions with their next and last runs.");
        api.MapPost("/reports", CreateAsync).WithName("CreateReport")
            .WithSummary("Create a report (admin, analyst); without a schedule it is generated now and the answer carries its queued run.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/reports/{id:long}", GetAsync).WithName("GetReport").WithSummary("A report: definition, next run time and latest runs.");
        api.MapPut("/reports/{id:long}", UpdateAsync).WithName("UpdateReport").WithSummary("Replace a report's settings (admin, analyst).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapDelete("/reports/{id:long}", DeleteAsync).WithName("DeleteReport").WithSummary("Delete a report with its runs and files (admin, analyst).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/reports/{id:long}/runs", RunNowAsync).WithName("RunReport").WithSummary("Generate a report now (admin, analyst); answers the queued run.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/reports/{id:long}/runs/{runId:long}", GetRunAsync).WithName("GetReportRun").WithSummary("One run of a report.");
        api.MapGet("/reports/{id:long}/download", DownloadAsync).WithName("DownloadReport")
            .WithSummary("The latest successful file of a report, or of the run named by ?run=.");
        api.MapPost("/reports/test-email", SendTestEmailAsync).WithName("SendTestEmail").WithSummary("Send a test email with the mail settings (admin).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public static async Task<Ok<ReportListResponse>> ListAsync(HttpContext http, ReportService reports, CancellationToken ct)
    {
        var caller = http.Caller();
        var list = await reports.ListAsync(caller, ct);
        return TypedResults.Ok(new ReportListResponse(list.Select(v => ReportResponse.Of(v, caller.TenantSlug, withRuns: false)).ToList()));
    }

    public static async Task<Created<ReportResponse>> CreateAsync(HttpContext http, ReportService reports, CancellationToken ct)
    {
        var caller = http.Caller();
        var input = await ApiBody.ReadAsync<ReportInput>(http.Request, ct);
        var view = await reports.CreateAsync(caller, input, ct);
        var body = ReportResponse.Of(view, caller.TenantSlug, withRuns: false) with
        {
            Run = view.Definition.Frequency is null && view.LastRun is { } run ? ReportRunResponse.Of(run, caller.TenantSlug) : null,
        };
        return TypedResults.Created($"/api/{caller.TenantSlug}/reports/{view.Definition.Id}", body);
    }

    public static async Task<Ok<ReportResponse>> GetAsync(HttpContext http, long id, ReportService reports, CancellationToken ct) =>
        TypedResults.Ok(ReportResponse.Of(await reports.GetAsync(http.Caller(), id, ct), http.Caller().TenantSlug, withRuns: true));

    public static async Task<Ok<ReportResponse>> UpdateAsync(HttpContext http, long id, ReportService reports, CancellationToken ct)
    {
        var input = await ApiBody.ReadAsync<ReportInput>(http.Request, ct);
        return TypedResults.Ok(ReportResponse.Of(await reports.UpdateAsync(http.Caller(), id, input, ct), http.Caller().TenantSlug, withRuns: true));
    }

    public static async Task<NoContent> DeleteAsync(HttpContext http, long id, ReportService reports, CancellationToken ct)
    {
        await reports.DeleteAsync(http.Caller(), id, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Accepted<ReportRunResponse>> RunNowAsync(HttpContext http, long id, ReportService reports, CancellationToken ct)
    {
        var caller = http.Caller();
        var run = await reports.RunNowAsync(caller, id, ct);
        return TypedResults.Accepted($"/api/{caller.TenantSlug}/reports/{id}/runs/{run.Id}", ReportRunResponse.Of(run, caller.TenantSlug));
    }

    public static async Task<Ok<ReportRunResponse>> GetRunAsync(HttpContext http, long id, long runId, ReportService reports, CancellationToken ct) =>
        TypedResults.Ok(ReportRunResponse.Of(await reports.GetRunAsync(http.Caller(), id, runId, ct), http.Caller().TenantSlug));

    public static async Task<FileContentHttpResult> DownloadAsync(HttpContext http, long id, long? run, ReportService reports, CancellationToken ct)
    {
        var file = await reports.DownloadAsync(http.Caller(), id, run, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName, lastModified: file.Run.FinishedAt is { } at ? new DateTimeOffset(at) : null);
    }

    public static async Task<Ok<TestEmailResponse>> SendTestEmailAsync(HttpContext http, ReportMailer mailer, CancellationToken ct)
    {
        var request = await ApiBody.ReadAsync<TestEmailRequest>(http.Request, ct);
        var via = await mailer.SendTestAsync(http.Caller(), request.To, ct);
        return TypedResults.Ok(new TestEmailResponse(request.To!.Trim(), via));
    }
}
