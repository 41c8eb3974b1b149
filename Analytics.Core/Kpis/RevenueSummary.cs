namespace Analytics.Core.Kpis;

public sealed record RevenueSummary(
    decimal TotalRevenue,
    double? RevenueGrowth,
    decimal Mrr,
    decimal Arr,
    decimal AvgOrderValue,
    string Currency,
    long Orders,
    decimal Refunds,
    decimal NetRevenue);
