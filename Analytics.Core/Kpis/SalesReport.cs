using Analytics.Core.Metrics;

namespace Analytics.Core.Kpis;

/// <summary>Seed 000's <c>GET /api/analytics/sales</c>; <c>avgCycledays</c> is spelled as the seed spells it.</summary>
public sealed record SalesReport(
    IReadOnlyList<FunnelStage> Funnel,
    double? WinRate,
    decimal AvgDealSize,
    double? AvgCycledays,
    long Lost,
    string Currency) : IKpiReport
{
    public IReadOnlyList<MetricProblem> Problems { get; init; } = [];
}
