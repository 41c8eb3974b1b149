using Analytics.Core.Metrics;

namespace Analytics.Core.Kpis;

/// <summary>Seed 000's <c>GET /api/analytics/revenue</c>.</summary>
public sealed record RevenueReport(RevenueSummary Summary, IReadOnlyList<RevenuePeriod> TimeSeries, IReadOnlyList<ProductRevenue> ByProduct) : IKpiReport
{
    public IReadOnlyList<MetricProblem> Problems { get; init; } = [];
}
