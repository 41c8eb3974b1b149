using Analytics.Core.Reports;
using Analytics.Core.Reports.Rendering;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Analytics.Web.Api.Reports;

/// <summary>Seed 000's <c>POST /api/analytics/reports/export</c>: an area's KPI figures and their time series as an xlsx or csv file.</summary>
public static class ReportExportApi
{
    public static IEndpointRouteBuilder MapReportExportApi(this IEndpointRouteBuilder app)
    {
        app.MapAnalyticsApi().WithTags("Analytics").MapPost("/reports/export", ExportAsync)
            .WithName("ExportReport").WithSummary("Seed 000: export an area's KPI figures and their time series to xlsx or csv.")
            .Accepts<ReportExportRequest>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    /// <summary>Validates and queries first, so a refusal is a ProblemDetails; then streams the file.</summary>
    public static async Task ExportAsync(HttpContext http, ReportExportService exports, IOptions<ReportRenderingOptions> rendering, CancellationToken ct)
    {
        var request = await ApiBody.ReadAsync<ReportExportRequest>(http.Request, ct, AnalyticsApi.Strict);
        var export = await exports.PrepareAsync(http.Caller(), request, ct);
        http.Response.ContentType = export.Format == ReportFormat.Csv ? "text/csv; charset=utf-8" : export.File.ContentType;
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = export.FileName, FileName = export.FileName }.ToString();
        await KpiExportWriter.WriteAsync(export.Content, export.Format, http.Response.Body, rendering.Value.XlsxStreamingThreshold, ct);
    }
}
