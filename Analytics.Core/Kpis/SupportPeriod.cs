namespace Analytics.Core.Kpis;

public sealed record SupportPeriod(string Period, long Opened, long Resolved, double? AvgResolutionHours);
