using System.Text.Json;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;

namespace Analytics.Core.Reports;

/// <summary>Draws a <see cref="ReportSpec"/> into a stream from the same query services the widgets use.</summary>
public sealed class ReportRenderer(MetricQueryService queries)
{
    public async Task<RenderedReport> RenderAsync(Caller caller, ReportSpec spec, Stream output, CancellationToken ct)
    {
        if (spec.Format != ReportFormat.Json) throw new NotSupportedException($"The {spec.Format} renderer is not built yet.");
        var series = new List<MetricSeries>();
        foreach (var metric in spec.Metrics)
        {
            var query = new MetricQuery(metric, spec.FromUtc, spec.ToUtc, spec.GroupBy, Filters: spec.Filters);
            series.Add(await queries.QueryAsync(caller, query, ct));
        }
        await JsonSerializer.SerializeAsync(output, new { spec.Title, spec.PeriodLabel, Series = series }, cancellationToken: ct);
        return new RenderedReport("application/json", "json");
    }
}
