using Analytics.Core.Metrics;

namespace Analytics.Core.Kpis;

/// <summary>
/// Inventory health: units in stock at the window's end and their value at unit cost, alerts, receiving volume and
/// days of cover. <c>StockValue</c> counts the readings that carry a <c>unit_cost</c> (<c>ValuedUnits</c> of the
/// <c>StockUnits</c>); it is null when none does (see docs/kpis.md).
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
    IReadOnlyList<InventoryPeriod> TimeSeries,
    decimal? StockValue = null,
    double ValuedUnits = 0,
    string Currency = "") : IKpiReport
{
    public IReadOnlyList<MetricProblem> Problems { get; init; } = [];
}
