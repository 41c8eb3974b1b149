using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;

namespace Analytics.Core.Reports;

/// <summary>
/// Resolves a <see cref="ReportSpec"/> into its <see cref="ReportContent"/>: the named metrics and every metric the
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
            var agg = (await queries.DefinitionAsync(caller, name, ct)).Aggregate;
            var query = new MetricQuery(name, spec.FromUtc, spec.ToUtc, spec.GroupBy, agg, module, filters, Segment: spec.Segment);
            MetricTrend trend;
            try
            {
                trend = await queries.TrendAsync(caller, query, ct);
            }
            catch (Errors.MetricOutOfRangeException e)
            {
                metrics.Add(new ReportMetric(name, module, agg, queries.Blank(query, tenant.Zone, e), null, null) { Problem = e.Message });
                continue;
            }
            metrics.Add(new ReportMetric(name, module, agg, trend.Current, trend.Value, trend.PreviousValue));
        }
        return new ReportContent(spec.Title, tenant.Slug, tenant.Name, tenant.Currency, tenant.Zone, spec.PeriodLabel, spec.FromUtc, spec.ToUtc,
            spec.GroupBy, spec.Filters, spec.Segment, clock.GetUtcNow().UtcDateTime, metrics);
    }

    /// <summary>
    /// The union of what the report names: each named metric whole, in its order, then every other metric the catalog
    /// holds in the named modules, read within its module, by module then name.
    /// </summary>
    private async Task<IReadOnlyList<(string Name, string? Module)>> ResolveAsync(Caller caller, ReportSpec spec, CancellationToken ct)
    {
        var named = spec.Metrics.Distinct(StringComparer.Ordinal).Select(m => (m, (string?)null)).ToList();
        if (spec.Modules.Count == 0) return named;
        var catalog = await queries.CatalogAsync(caller, ct);
        var chosen = named.Select(n => n.m).ToHashSet(StringComparer.Ordinal);
        return named.Concat(spec.Modules
                .SelectMany(m => catalog.Where(c => c.Modules.Contains(m) && chosen.Add(c.Name)).OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => (c.Name, (string?)m))))
            .ToList();
    }
}
