using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using static Analytics.Core.Kpis.KpiWindow;

namespace Analytics.Core.Kpis;

/// <summary>HR from the <c>headcount</c> gauge per department, <c>hire</c>, <c>termination</c> and <c>attendance</c> (1 present, 0 absent).</summary>
public sealed class HrKpis(KpiReader reader)
{
    public async Task<HrReport> GetAsync(Caller caller, KpiRequest request, CancellationToken ct)
    {
        var w = await reader.OpenAsync(caller, request, ct);
        var headcount = await w.GaugeAsync("headcount", ct: ct);
        var byDepartment = await w.GaugeAsync("headcount", "department", ct);
        var hires = await w.SeriesAsync("hire", MetricAggregate.Count, ct: ct);
        var terminations = await w.SeriesAsync("termination", MetricAggregate.Count, ct: ct);
        var attendance = await w.ValueAsync("attendance", MetricAggregate.Avg, ct: ct);
        var hiresBy = (await w.ByAsync("hire", "department", MetricAggregate.Count, ct: ct)).ToDictionary(x => x.Value, x => x.Count);
        var leaversBy = (await w.ByAsync("termination", "department", MetricAggregate.Count, ct: ct)).ToDictionary(x => x.Value, x => x.Count);
        var attendanceBy = (await w.ByAsync("attendance", "department", MetricAggregate.Avg, ct: ct)).ToDictionary(x => x.Value, x => x.Total);

        var departments = byDepartment.ByValue.Keys.Union(hiresBy.Keys).Union(leaversBy.Keys).Order(StringComparer.Ordinal)
            .Select(d => new DepartmentFigures(d, byDepartment.ByValue.GetValueOrDefault(d), hiresBy.GetValueOrDefault(d), leaversBy.GetValueOrDefault(d),
                attendanceBy.TryGetValue(d, out var a) ? Math.Round(a, 4) : null))
            .ToList();
        var series = headcount.PerBucket.Select((p, i) => new HrPeriod(p.Period, p.Value, hires.Data[i].Count, terminations.Data[i].Count)).ToList();
        return new HrReport(
            headcount.Latest ?? 0,
            hires.Totals.Count,
            terminations.Totals.Count,
            headcount.DailyAverage is { } avg ? Ratio(terminations.Totals.Count, avg) : null,
            attendance is { } r ? Math.Round(r, 4) : null,
            headcount.DailyAverage is { } average ? Math.Round(average, 1) : null,
            departments,
            series) { Problems = w.Problems };
    }
}
