namespace Analytics.Core.Kpis;

public sealed record HrPeriod(string Period, double? Headcount, long Hires, long Terminations);
