namespace Analytics.Core.Kpis;

/// <summary>A product's revenue and units; units are its orders, as the conventions carry no quantity.</summary>
public sealed record ProductRevenue(string ProductName, decimal Revenue, long Units);
