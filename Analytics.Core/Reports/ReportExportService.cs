using System.Globalization;
using Analytics.Core.Errors;
using Analytics.Core.Kpis;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;

namespace Analytics.Core.Reports;

/// <summary>Seed 000's export: validates the request, computes the area's KPI figures and their time series, and names the file.</summary>
public sealed class ReportExportService(KpiExportService kpis, TenantDirectory tenants, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Formats = ["xlsx", "csv"];

    private static readonly MetricGrouping[] Groupings = [MetricGrouping.Day, MetricGrouping.Week, MetricGrouping.Month, MetricGrouping.Quarter];

    /// <summary>
    /// Checks the request (400 with the camelCase fields that are wrong, 422 when <c>from</c> is after <c>to</c>) and computes
    /// every figure, so a refusal comes before the first byte of the file.
    /// </summary>
    public async Task<ReportExport> PrepareAsync(Caller caller, ReportExportRequest request, CancellationToken ct)
    {
        Kpis.KpiAccess.EnsureCanRead(caller);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(request.ReportType)) errors["reportType"] = ["A reportType is required."];
        else if (!KpiAreas.All.Contains(request.ReportType))
            errors["reportType"] = [$"Unknown reportType; use one of {string.Join(", ", KpiAreas.All)}."];
        if (string.IsNullOrEmpty(request.Format)) errors["format"] = ["A format is required: xlsx or csv."];
        else if (!Formats.Contains(request.Format)) errors["format"] = ["Unknown format; export formats are xlsx and csv."];
        if (!string.IsNullOrEmpty(request.GroupBy)
            && !Groupings.Any(g => string.Equals(g.ToString(), request.GroupBy, StringComparison.OrdinalIgnoreCase)))
            errors["groupBy"] = ["Unknown groupBy; use day, week, month or quarter."];

        var zone = (await tenants.GetAsync(caller.TenantId, ct)).Zone;
        MetricQuery? range = null;
        try
        {
            range = MetricQueryService.Parse(new MetricQueryRequest("export", request.From, request.To, errors.ContainsKey("groupBy") ? null : request.GroupBy),
                zone, clock.GetUtcNow().UtcDateTime);
        }
        catch (InvalidInputException invalid)
        {
            foreach (var (field, problems) in invalid.Errors) errors[field == "group_by" ? "groupBy" : field] = problems;
        }
        catch (UnprocessableException) when (errors.Count > 0)
        {
            // Bad fields first: a 422 only speaks about a request that is otherwise well formed.
        }
        if (errors.Count > 0 || range is null) throw new InvalidInputException(errors);

        var format = request.Format == "csv" ? ReportFormat.Csv : ReportFormat.Xlsx;
        var export = await kpis.BuildAsync(caller, request.ReportType!, new KpiRequest(request.From, request.To, request.GroupBy, request.Currency), ct);
        var fileName = string.Create(CultureInfo.InvariantCulture,
            $"{request.ReportType}_{export.FirstDay:yyyy-MM-dd}_{export.LastDay:yyyy-MM-dd}.{ReportRenderer.Describe(format).FileExtension}");
        return new ReportExport(export, format, ReportRenderer.Describe(format), fileName);
    }
}
