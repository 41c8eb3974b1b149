using Analytics.Core.Metrics;

namespace Analytics.Web.Api.Metrics;

public sealed record MetricsSummaryResponse(IReadOnlyList<MetricTotals> Metrics);
