using System.Globalization;
using Analytics.Core.Errors;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;

namespace Analytics.Core.Kpis;

/// <summary>
/// Computes what seed 000's export of an area carries: the area's KPI figures (docs/kpis.md) over the window and the
/// window before it, and each figure over every period of the window — the area's report run once per period, so a
/// period's figure means what the window's does (stock and headcount at its end, rates of its own events).
/// </summary>
public sealed class KpiExportService(KpiAreas areas, KpiReader reader, TimeProvider clock)
{
    /// <summary>Most periods an export computes: one area report each.</summary>
    public const int MaxPeriods = 400;

    public async Task<KpiExport> BuildAsync(Caller caller, string area, KpiRequest request, CancellationToken ct)
    {
        if (!KpiAreas.All.Contains(area)) throw new InvalidInputException("reportType", $"Unknown reportType; use one of {string.Join(", ", KpiAreas.All)}.");
        var w = await reader.OpenAsync(caller, request, ct);
        var zone = w.Tenant.Zone;
        var periods = TimeBuckets.Cover(w.FromUtc, w.ToUtc, w.GroupBy, zone);
        if (periods.Count > MaxPeriods)
            throw new UnprocessableException($"An export computes at most {MaxPeriods} periods; this range has {periods.Count}. Group by a longer period.");

        var groupBy = w.GroupBy.ToString().ToLowerInvariant();
        var window = request with { GroupBy = groupBy, Currency = w.Currency };
        KpiRequest Days(DateTime fromUtc, DateTime toUtc) => window with { From = Day(fromUtc, zone), To = Day(toUtc.AddTicks(-1), zone) };

        var problems = new List<MetricProblem>();
        async Task<object> ReportAsync(KpiRequest request)
        {
            var report = await areas.ReportAsync(area, caller, request, ct);
            if (report is IKpiReport flagged) problems.AddRange(flagged.Problems.Where(p => !problems.Exists(q => q.Metric == p.Metric)));
            return report;
        }

        var current = Figures(area, await ReportAsync(window));
        var before = w.FromUtc - (w.ToUtc - w.FromUtc);
        var previous = before < w.HistoryFromUtc
            ? []
            : Figures(area, await ReportAsync(Days(before, w.FromUtc))).ToDictionary(f => f.Key, f => f.Value);
        var perPeriod = new List<Dictionary<string, double?>>(periods.Count);
        foreach (var (_, startUtc, endUtc) in periods)
            perPeriod.Add(Figures(area, await ReportAsync(Days(startUtc, endUtc))).ToDictionary(f => f.Key, f => f.Value));

        var figures = current
            .Select(f => new KpiExportFigure(f.Key, f.Label, f.Format, f.Value, previous.GetValueOrDefault(f.Key), perPeriod.Select(p => p.GetValueOrDefault(f.Key)).ToList()))
            .ToList();
        return new KpiExport(area, w.Tenant.Slug, w.Tenant.Name, w.Currency, zone,
            DateOnly.FromDateTime(TimeBuckets.ToLocal(w.FromUtc, zone)), DateOnly.FromDateTime(TimeBuckets.ToLocal(w.ToUtc.AddTicks(-1), zone)),
            w.GroupBy, clock.GetUtcNow().UtcDateTime,
            periods.Select(p => new KpiExportPeriod(p.Label, DateOnly.FromDateTime(TimeBuckets.ToLocal(p.StartUtc, zone)))).ToList(),
            figures) { Problems = problems };
    }

    /// <summary>
    /// The figures of an area's report: the dashboard KPIs of <see cref="KpiFigures"/>; for products, the total and each
    /// product's revenue, units and share.
    /// </summary>
    public static IReadOnlyList<(string Key, string Label, KpiFigureFormat Format, double? Value)> Figures(string area, object report)
    {
        if (report is ProductsReport products)
        {
            var figures = new List<(string, string, KpiFigureFormat, double?)> { ("kpi.products.total_revenue", "Total revenue", KpiFigureFormat.Money, (double)products.TotalRevenue) };
            foreach (var p in products.Products)
            {
                figures.Add(($"kpi.products.{p.ProductName}.revenue", $"{p.ProductName}: revenue", KpiFigureFormat.Money, (double)p.Revenue));
                figures.Add(($"kpi.products.{p.ProductName}.units", $"{p.ProductName}: units", KpiFigureFormat.Number, p.Units));
                figures.Add(($"kpi.products.{p.ProductName}.share", $"{p.ProductName}: share of revenue", KpiFigureFormat.Percent, p.Share));
            }
            return figures;
        }
        return KpiFigures.All.Where(f => f.Area == area).Select(f => (f.Key, f.Label, f.Format, f.Read(report))).ToList();
    }

    private static string Day(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeBuckets.ToLocal(utc, zone)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
