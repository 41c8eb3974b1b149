using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Core.Metrics;

namespace Analytics.Core.Reports.Rendering;

/// <summary>
/// A report as JSON for integrations, in the tenant API's wire style (snake_case, enums as lower-case strings): the
/// report's metadata, then per metric its figures and the query's answer as <c>GET /metrics</c> gives it
/// (<c>data[date, value, count]</c>, <c>summary{total, count, average}</c>); a metric whose figures cannot be computed has
/// <c>problem</c> set, empty <c>data</c> and no summary.
/// </summary>
public static class JsonReportWriter
{
    public const string ContentType = "application/json; charset=utf-8";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        WriteIndented = true,
    };

    public static Task WriteAsync(ReportContent content, Stream output, CancellationToken ct) =>
        JsonSerializer.SerializeAsync(output, Document(content), Options, ct);

    public static ReportDocument Document(ReportContent content) => new(
        content.Title,
        new ReportDocument.TenantInfo(content.TenantSlug, content.TenantName),
        new ReportDocument.PeriodInfo(content.PeriodLabel, Day(content.FirstDay), Day(content.LastDay), content.FromUtc, content.ToUtc),
        content.GroupBy,
        content.Zone.Id,
        content.Currency,
        content.Filters,
        content.Segment,
        content.GeneratedAtUtc,
        content.Metrics.Select(m => new ReportDocument.MetricInfo(
            m.Name, m.Module, m.Agg, m.Value, m.PreviousValue, m.Change, m.Series.Tier,
            m.Problem is null ? m.Series.Data.Select(p => new ReportDocument.Point(p.Date, p.Value, p.Count, p.Partial)).ToList() : [],
            m.Problem is null ? m.Series.Summary : null,
            m.Problem,
            m.Series.Currency)).ToList());

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
