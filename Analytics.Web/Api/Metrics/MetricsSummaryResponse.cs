using Analytics.Core.Metrics;

namespace Analytics.Web.Api.Metrics;

/// <summary>The summary's answer: each metric's figures, and under <c>problems</c> each metric whose figures cannot be computed (with why).</summary>
public sealed record MetricsSummaryResponse(IReadOnlyList<MetricTotals> Metrics, IReadOnlyList<MetricProblem> Problems);
