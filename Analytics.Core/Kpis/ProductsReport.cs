using Analytics.Core.Metrics;

namespace Analytics.Core.Kpis;

/// <summary>Seed 000's <c>GET /api/analytics/products</c>.</summary>
public sealed record ProductsReport(IReadOnlyList<ProductPerformance> Products, decimal TotalRevenue, string Currency) : IKpiReport
{
    public IReadOnlyList<MetricProblem> Problems { get; init; } = [];
}
