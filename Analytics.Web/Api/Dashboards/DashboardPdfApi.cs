using System.Globalization;
using Analytics.Core.Errors;
using Analytics.Core.Reports;

namespace Analytics.Web.Api.Dashboards;

/// <summary><c>GET /api/{tenant}/dashboards/{id}/pdf</c>: the dashboard's widgets as a PDF, for whoever may view it (the signed-in cookie works, as for every GET).</summary>
public static class DashboardPdfApi
{
    public static IEndpointRouteBuilder MapDashboardPdfApi(this IEndpointRouteBuilder app)
    {
        app.MapTenantApi().WithTags("Dashboards").MapGet("/dashboards/{id:long}/pdf", DownloadAsync)
            .WithName("DownloadDashboardPdf").WithSummary("The dashboard as a PDF; range (and from, to for custom) overrides the widgets' periods.")
            .Produces(StatusCodes.Status200OK, contentType: DashboardPdfFile.ContentType)
            .ProducesValidationProblem();
        return app;
    }

    public static async Task<IResult> DownloadAsync(HttpContext http, long id, string? range, string? from, string? to, DashboardPdfService pdfs, CancellationToken ct)
    {
        var file = await pdfs.RenderAsync(http.Caller(), id, string.IsNullOrEmpty(range) ? null : range, Date(from, "from"), Date(to, "to"), ct);
        return TypedResults.File(file.Content, DashboardPdfFile.ContentType, file.FileName);
    }

    private static DateOnly? Date(string? text, string field) =>
        string.IsNullOrEmpty(text) ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new InvalidInputException(field, "Not a date (yyyy-MM-dd).");
}
