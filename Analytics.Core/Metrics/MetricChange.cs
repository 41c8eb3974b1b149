namespace Analytics.Core.Metrics;

/// <summary>Metrics of a tenant that received events since the subscriber last heard.</summary>
public sealed record MetricChange(int TenantId, IReadOnlySet<string> Names);
