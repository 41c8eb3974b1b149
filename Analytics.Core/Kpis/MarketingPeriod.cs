namespace Analytics.Core.Kpis;

public sealed record MarketingPeriod(string Period, decimal Spend, long Conversions, double Sent);
