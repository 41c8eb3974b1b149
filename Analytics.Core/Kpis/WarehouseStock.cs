namespace Analytics.Core.Kpis;

public sealed record WarehouseStock(string Warehouse, double StockUnits, double Received, long LowStockAlerts);
