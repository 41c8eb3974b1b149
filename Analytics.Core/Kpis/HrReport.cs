using Analytics.Core.Metrics;

namespace Analytics.Core.Kpis;

/// <summary>HR: headcount at the window's end, hires, terminations, turnover and attendance.</summary>
public sealed record HrReport(
    double Headcount,
    long Hires,
    long Terminations,
    double? Turnover,
    double? AttendanceRate,
    double? AverageHeadcount,
    IReadOnlyList<DepartmentFigures> ByDepartment,
    IReadOnlyList<HrPeriod> TimeSeries) : IKpiReport
{
    public IReadOnlyList<MetricProblem> Problems { get; init; } = [];
}
