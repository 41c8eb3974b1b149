using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;

namespace Analytics.Core.Kpis;

/// <summary>Inventory from the <c>stock_level</c> gauge, <c>stock_received</c>, <c>low_stock_alert</c> and <c>shipment_volume</c>.</summary>
public sealed class InventoryKpis(KpiReader reader)
{
    public async Task<InventoryReport> GetAsync(Caller caller, KpiRequest request, CancellationToken ct)
    {
        var w = await reader.OpenAsync(caller, request, ct);
        var stock = await w.GaugeAsync("stock_level", ct: ct);
        var byWarehouse = await w.GaugeAsync("stock_level", "warehouse", ct);
        var bySku = await w.GaugeAsync("stock_level", "sku", ct);
        var received = await w.SeriesAsync("stock_received", ct: ct);
        var receivedByWarehouse = (await w.ByAsync("stock_received", "warehouse", ct: ct)).ToDictionary(x => x.Value, x => x.Total);
        var alerts = await w.CountAsync("low_stock_alert", ct: ct);
        var alertsBySku = await w.ByAsync("low_stock_alert", "sku", MetricAggregate.Count, ct: ct);
        var alertsByWarehouse = (await w.ByAsync("low_stock_alert", "warehouse", MetricAggregate.Count, ct: ct)).ToDictionary(x => x.Value, x => x.Count);
        var shipped = await w.ValueAsync("shipment_volume", ct: ct);
        var days = (w.ToUtc - w.FromUtc).TotalDays;

        var warehouses = byWarehouse.ByValue.Keys.Union(receivedByWarehouse.Keys).Union(alertsByWarehouse.Keys).Order(StringComparer.Ordinal)
            .Select(h => new WarehouseStock(h, byWarehouse.ByValue.GetValueOrDefault(h), receivedByWarehouse.GetValueOrDefault(h), alertsByWarehouse.GetValueOrDefault(h)))
            .ToList();
        var lowStock = alertsBySku
            .Select(a => new LowStockItem(a.Value, a.Count, bySku.ByValue.GetValueOrDefault(a.Value)))
            .OrderByDescending(a => a.Alerts).ThenBy(a => a.Sku, StringComparer.Ordinal)
            .ToList();
        var series = stock.PerBucket.Select((p, i) => new InventoryPeriod(p.Period, p.Value, received.Data[i].Value ?? 0)).ToList();
        double? shippedPerDay = shipped is { } s && days > 0 ? s / days : null;
        return new InventoryReport(
            stock.Latest ?? 0,
            alerts,
            lowStock.Count,
            received.Totals.Sum,
            shipped,
            shippedPerDay is { } perDay && perDay > 0 ? Math.Round((stock.Latest ?? 0) / perDay, 1) : null,
            lowStock,
            warehouses,
            series);
    }
}
