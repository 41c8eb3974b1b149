namespace Analytics.Core.Kpis;

public sealed record RevenuePeriod(string Period, decimal Revenue, long Orders, decimal Refunds);
