namespace Analytics.Core.Metrics;

/// <summary>One rollup row's identity within a tenant: the series total has an empty dimension key and value.</summary>
public readonly record struct RollupKey(string Name, string Module, string DimKey, string DimValue, long Bucket);
