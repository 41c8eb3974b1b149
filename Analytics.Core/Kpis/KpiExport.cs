using Analytics.Core.Metrics;

namespace Analytics.Core.Kpis;

/// <summary>
/// Seed 000's export of one area: every KPI figure of the area over the window with its previous-window figure and
/// change, and the same figures per period of the window, computed as the area's route computes them.
/// </summary>
public sealed record KpiExport(
    string Area,
    string TenantSlug,
    string TenantName,
    string Currency,
    TimeZoneInfo Zone,
    DateOnly FirstDay,
    DateOnly LastDay,
    MetricGrouping GroupBy,
    DateTime GeneratedAtUtc,
    IReadOnlyList<KpiExportPeriod> Periods,
    IReadOnlyList<KpiExportFigure> Figures)
{
    /// <summary>The window as an ISO 8601 interval of days, both included: 2026-01-01/2026-03-31.</summary>
    public string Window => $"{FirstDay:yyyy-MM-dd}/{LastDay:yyyy-MM-dd}";

    public DateTime GeneratedAtLocal => TimeBuckets.ToLocal(GeneratedAtUtc, Zone);

    /// <summary>Metrics of the area whose figures could not be computed in some window; they count as without events.</summary>
    public IReadOnlyList<MetricProblem> Problems { get; init; } = [];
}
