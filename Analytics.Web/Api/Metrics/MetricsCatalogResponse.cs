using Analytics.Core.Metrics;

namespace Analytics.Web.Api.Metrics;

public sealed record MetricsCatalogResponse(IReadOnlyList<MetricCatalogEntry> Metrics);
