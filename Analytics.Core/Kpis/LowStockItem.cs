namespace Analytics.Core.Kpis;

/// <summary>A SKU that raised low-stock alerts in the window, with its last stock count.</summary>
public sealed record LowStockItem(string Sku, long Alerts, double StockUnits);
