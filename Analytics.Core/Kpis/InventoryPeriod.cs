namespace Analytics.Core.Kpis;

/// <summary>One bucket: units in stock and their value on its last day with readings, units received in it.</summary>
public sealed record InventoryPeriod(string Period, double? StockUnits, double Received, decimal? StockValue = null);
