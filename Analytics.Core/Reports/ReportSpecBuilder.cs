using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;

namespace Analytics.Core.Reports;

/// <summary>
/// Turns a definition into the <see cref="ReportSpec"/> a renderer draws: the period resolved at the run's reference
/// time in the tenant's zone, and the metrics named plus every metric the tenant recorded in the definition's modules.
/// </summary>
public sealed class ReportSpecBuilder(MetricQueryService queries, TenantDirectory tenants)
{
    public async Task<ReportSpec> BuildAsync(Caller caller, ReportDefinition definition, DateTime referenceUtc, CancellationToken ct)
    {
        var zone = (await tenants.GetAsync(caller.TenantId, ct)).Zone;
        var period = ReportDateRange.Resolve(definition.DateRange, definition.From, definition.To, zone, referenceUtc);
        var grouping = definition.GroupBy is { } g ? Enum.Parse<MetricGrouping>(g, ignoreCase: true) : period.GroupBy;
        var modules = definition.Modules.Count > 0 ? definition.Modules : definition.Module is { } m ? [m] : [];
        var metrics = new List<string>(definition.Metrics);
        if (modules.Count > 0)
        {
            var catalog = await queries.CatalogAsync(caller, ct);
            metrics.AddRange(catalog.Where(c => c.Modules.Any(modules.Contains) && !metrics.Contains(c.Name))
                .Select(c => c.Name).Order(StringComparer.Ordinal));
        }
        return new ReportSpec(definition.Name, definition.Format, metrics, modules, period.FromUtc, period.ToUtc, period.Label, grouping,
            definition.Dimensions, definition.Segment);
    }
}
