using Analytics.Core.Metrics;

namespace Analytics.Core.Kpis;

/// <summary>Seed 000's <c>GET /api/analytics/customers</c>.</summary>
public sealed record CustomersReport(
    long NewCustomers,
    long ChurnedCustomers,
    long NetGrowth,
    decimal? AvgLtv,
    decimal? Cac,
    double? LtvCacRatio,
    double? RetentionRate,
    IReadOnlyList<AcquisitionChannel> ByAcquisitionChannel,
    decimal MarketingSpend,
    long CustomersAtStart,
    string Currency) : IKpiReport
{
    public IReadOnlyList<MetricProblem> Problems { get; init; } = [];
}
