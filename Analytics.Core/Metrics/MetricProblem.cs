namespace Analytics.Core.Metrics;

/// <summary>A metric a view over many metrics could not compute, with why: the summary, KPI answers and reports list these.</summary>
public sealed record MetricProblem(string Metric, string Detail);
