using Analytics.Core.Metrics;

namespace Analytics.Core.Kpis;

/// <summary>A KPI area's answer: its figures, and the metrics it reads whose figures could not be computed.</summary>
public interface IKpiReport
{
    /// <summary>
    /// Metrics the area reads that hold a value out of range: the figures computed from them count them as without
    /// events, so the answer names them here (<c>problems</c>) instead of failing for every other figure.
    /// </summary>
    IReadOnlyList<MetricProblem> Problems { get; }
}
