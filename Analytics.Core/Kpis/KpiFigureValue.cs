using Analytics.Core.Metrics;

namespace Analytics.Core.Kpis;

/// <summary>A KPI over a window and over the window of equal length before it.</summary>
public sealed record KpiFigureValue(KpiFigure Figure, double? Value, double? Previous, string Currency)
{
    public double? Change => Value is { } now && Previous is { } before ? MetricTrend.ChangeOf(now, before) : null;

    /// <summary>Metrics of the figure's area whose figures could not be computed (they count as without events).</summary>
    public IReadOnlyList<MetricProblem> Problems { get; init; } = [];
}
