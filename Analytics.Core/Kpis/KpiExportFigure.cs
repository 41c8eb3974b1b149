namespace Analytics.Core.Kpis;

/// <summary>
/// One KPI in an export: its figure over the window, over the equal window before, and over each period of the
/// window (<see cref="Series"/>, aligned with <see cref="KpiExport.Periods"/>; null where the figure has no value).
/// </summary>
public sealed record KpiExportFigure(string Key, string Label, KpiFigureFormat Format, double? Value, double? Previous, IReadOnlyList<double?> Series)
{
    /// <summary>Relative change against the previous window; null when there is nothing to compare.</summary>
    public double? Change => Value is { } now && Previous is { } before && Metrics.MetricTrend.ChangeOf(now, before) is { } change ? Math.Round(change, 4) : null;
}
