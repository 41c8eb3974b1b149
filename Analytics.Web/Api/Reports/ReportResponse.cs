using System.Text.Json.Serialization;
using Analytics.Core.Reports;

namespace Analytics.Web.Api.Reports;

/// <summary>
/// A report definition on the wire (seed 004, snake_case): its settings in the shape they were sent, the next run time,
/// the latest run, the recent runs (on <c>GET {id}</c>) and, on create without a schedule, the run generating it now.
/// </summary>
public sealed record ReportResponse(
    long Id, string Name, IReadOnlyList<string> Modules, IReadOnlyList<string> Metrics, string Format,
    ReportScheduleResponse? Schedule, ReportDeliveryResponse Delivery, ReportFiltersResponse Filters, string? GroupBy,
    DateTime? NextRunAt, ReportRunResponse? LastRun,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ReportRunResponse>? Runs,
    DateTime CreatedAt, DateTime UpdatedAt, bool CanEdit)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReportRunResponse? Run { get; init; }

    public static ReportResponse Of(ReportView view, string tenant, bool withRuns)
    {
        var d = view.Definition;
        return new ReportResponse(
            d.Id, d.Name, d.Modules, d.Metrics, d.Format.ToString().ToLowerInvariant(),
            d.Frequency is null ? null : new ReportScheduleResponse(d.Frequency, d.Day, d.Time, d.Cron!, view.TimeZone, view.ScheduleText),
            new ReportDeliveryResponse(d.EmailTo, d.Download),
            new ReportFiltersResponse(d.DateRange, d.From, d.To, d.Module, d.Dimensions, d.Segment),
            d.GroupBy, d.NextRunAt, view.LastRun is { } last ? ReportRunResponse.Of(last, tenant) : null,
            withRuns ? view.Runs.Select(r => ReportRunResponse.Of(r, tenant)).ToList() : null,
            d.CreatedAt, d.UpdatedAt, view.CanEdit);
    }
}
