using Analytics.Core.Insights;
using Analytics.Core.Kpis;
using Analytics.Core.Metrics;

namespace Analytics.Core.Dashboards;

/// <summary>
/// What a widget shows, by its source: a metric's series (charts, tables, maps), a metric's figure with its trend
/// (KPI cards), a business KPI, or a forecast; or why it cannot be shown. <see cref="Period"/> is the period it covers.
/// </summary>
public sealed record WidgetAnswer(Widget Widget, WidgetPeriod Period, string Subtitle)
{
    public MetricSeries? Series { get; init; }
    public MetricTrend? Trend { get; init; }
    public KpiFigureValue? Kpi { get; init; }
    public ForecastResult? Forecast { get; init; }
    public string? Error { get; init; }
}
