namespace Analytics.Core.Kpis;

/// <summary>One product over the window: revenue, units (orders), refunds, growth against the previous window, share of revenue.</summary>
public sealed record ProductPerformance(string ProductName, decimal Revenue, long Units, decimal Refunds, double? Growth, double? Share);
