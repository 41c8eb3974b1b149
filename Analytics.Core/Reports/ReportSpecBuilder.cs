using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;

namespace Analytics.Core.Reports;

/// <summary>
/// Turns a definition into the <see cref="ReportSpec"/> a renderer draws: the period resolved at the run's reference
/// time in the tenant's zone, with the metrics and modules it names (<see cref="ReportContentBuilder"/> joins them).
/// </summary>
public sealed class ReportSpecBuilder(TenantDirectory tenants)
{
    public async Task<ReportSpec> BuildAsync(Caller caller, ReportDefinition definition, DateTime referenceUtc, CancellationToken ct)
    {
        var zone = (await tenants.GetAsync(caller.TenantId, ct)).Zone;
        var period = ReportDateRange.Resolve(definition.DateRange, definition.From, definition.To, zone, referenceUtc);
        var grouping = definition.GroupBy is { } g ? Enum.Parse<MetricGrouping>(g, ignoreCase: true) : period.GroupBy;
        var modules = definition.Modules.Count > 0 ? definition.Modules : definition.Module is { } m ? [m] : [];
        return new ReportSpec(definition.Name, definition.Format, definition.Metrics, modules, period.FromUtc, period.ToUtc, period.Label, grouping,
            definition.Dimensions, definition.Segment);
    }
}
