namespace Analytics.Core.Kpis;

/// <summary>A KPI over a window and over the window of equal length before it.</summary>
public sealed record KpiFigureValue(KpiFigure Figure, double? Value, double? Previous, string Currency)
{
    public double? Change => Value is { } now && Previous is { } before ? Metrics.MetricTrend.ChangeOf(now, before) : null;
}
