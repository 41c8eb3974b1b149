namespace Analytics.Core.Kpis;

/// <summary>
/// Inventory health: units in stock at the window's end, alerts, receiving volume and days of cover. The conventions
/// carry no unit cost, so stock value is not reported (see docs/kpis.md).
/// </summary>
public sealed record InventoryReport(
    double StockUnits,
    long LowStockAlerts,
    long LowStockItems,
    double ReceivingVolume,
    double? ShippedUnits,
    double? DaysOfCover,
    IReadOnlyList<LowStockItem> LowStock,
    IReadOnlyList<WarehouseStock> ByWarehouse,
    IReadOnlyList<InventoryPeriod> TimeSeries);
