namespace Analytics.Core.Metrics;

/// <summary>A metric the tenant has recorded: the modules it came from and the dimension keys it carried.</summary>
public sealed record MetricCatalogEntry(string Name, IReadOnlyList<string> Modules, IReadOnlyList<string> Dimensions, DateTime LastSeen);
