using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;

namespace Analytics.Core.Reports;

/// <summary>
/// Resolves a <see cref="ReportSpec"/> into its <see cref="ReportContent"/>: the named metrics, or every metric the
/// tenant has recorded in the spec's modules, each queried through <see cref="MetricQueryService"/> with its figure
/// against the previous equal period. Every query runs before a writer writes a byte, so a refusal is still an answer.
/// A metric whose figures cannot be computed does not fail the report: it stays in it, without figures, with its problem.
/// </summary>
public sealed class ReportContentBuilder(MetricQueryService queries, TenantDirectory tenants, TimeProvider clock)
{
    public async Task<ReportContent> BuildAsync(Caller caller, ReportSpec spec, CancellationToken ct)
    {
        var tenant = await tenants.GetAsync(caller.TenantId, ct);
        var filters = spec.Filters.Count > 0 ? spec.Filters : null;
        var metrics = new List<ReportMetric>();
        foreach (var (name, module) in await ResolveAsync(caller, spec, ct))
        {
            var agg = ReportAggregates.For(name);
            var query = new MetricQuery(name, spec.FromUtc, spec.ToUtc, spec.GroupBy, agg, module, filters, Segment: spec.Segment);
            MetricTrend trend;
            try
            {
                trend = await queries.TrendAsync(caller, query, ct);
            }
            catch (Errors.MetricOutOfRangeException e)
            {
                metrics.Add(new ReportMetric(name, module, agg, MetricQueryService.Blank(query, tenant.Zone, e), null, null) { Problem = e.Message });
                continue;
            }
            var empty = trend.Current.Summary.Count == 0;
            metrics.Add(new ReportMetric(name, module, agg, trend.Current, empty && agg != MetricAggregate.Sum ? null : trend.Value, trend.PreviousValue));
        }
        return new ReportContent(spec.Title, tenant.Slug, tenant.Name, tenant.Currency, tenant.Zone, spec.PeriodLabel, spec.FromUtc, spec.ToUtc,
            spec.GroupBy, spec.Filters, spec.Segment, clock.GetUtcNow().UtcDateTime, metrics);
    }

    /// <summary>The named metrics in their order; else the catalog's metrics of the modules, by module then name.</summary>
    private async Task<IReadOnlyList<(string Name, string? Module)>> ResolveAsync(Caller caller, ReportSpec spec, CancellationToken ct)
    {
        var module = spec.Modules.Count == 1 ? spec.Modules[0] : null;
        if (spec.Metrics.Count > 0) return spec.Metrics.Distinct(StringComparer.Ordinal).Select(m => (m, module)).ToList();
        var catalog = await queries.CatalogAsync(caller, ct);
        return spec.Modules
            .SelectMany(m => catalog.Where(c => c.Modules.Contains(m)).Select(c => (c.Name, (string?)m)).OrderBy(c => c.Name, StringComparer.Ordinal))
            .ToList();
    }
}
