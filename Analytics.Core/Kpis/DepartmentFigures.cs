namespace Analytics.Core.Kpis;

public sealed record DepartmentFigures(string Department, double Headcount, long Hires, long Terminations, double? AttendanceRate);
