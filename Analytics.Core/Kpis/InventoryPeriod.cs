namespace Analytics.Core.Kpis;

public sealed record InventoryPeriod(string Period, double? StockUnits, double Received);
