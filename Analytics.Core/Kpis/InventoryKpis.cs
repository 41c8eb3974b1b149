using System.Globalization;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;

namespace Analytics.Core.Kpis;

/// <summary>Inventory from the <c>stock_level</c> gauge, <c>stock_received</c>, <c>low_stock_alert</c> and <c>shipment_volume</c>.</summary>
public sealed class InventoryKpis(KpiReader reader)
{
    /// <summary>The dimension of a <c>stock_level</c> reading that holds the cost of one unit, in the tenant's own currency.</summary>
    public const string UnitCostDimension = "unit_cost";

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
        var value = await StockValueAsync(w, ct);
        var series = stock.PerBucket.Select((p, i) => new InventoryPeriod(p.Period, p.Value, received.Data[i].Value ?? 0, value.PerBucket[i] is { } v ? KpiWindow.Cents(v) : null)).ToList();
        double? shippedPerDay = shipped is { } s && days > 0 ? s / days : null;
        return new InventoryReport(
            stock.Latest ?? 0,
            alerts,
            lowStock.Count,
            received.Totals.Sum,
            shipped,
            shippedPerDay is { } perDay && perDay > 0 && MetricValueRange.Finite((stock.Latest ?? 0) / perDay) is { } cover ? Math.Round(cover, 1) : null,
            lowStock,
            warehouses,
            series,
            value.Latest is { } latest ? KpiWindow.Cents(latest) : null,
            value.ValuedUnits,
            w.Currency) { Problems = w.Problems };
    }

    /// <summary>
    /// Stock at unit cost: each day, Σ units × <c>unit_cost</c> over the readings that carry one (the rollups keep each
    /// cost's units apart, so this is exact), converted from the tenant's currency; on the window's last day with
    /// readings and on each bucket's. All null when no reading of the window carries a cost.
    /// </summary>
    private static async Task<(double? Latest, double ValuedUnits, IReadOnlyList<double?> PerBucket)> StockValueAsync(KpiWindow w, CancellationToken ct)
    {
        var days = await w.SeriesAsync("stock_level", MetricAggregate.Sum, by: UnitCostDimension, groupBy: MetricGrouping.Day, ct: ct);
        var buckets = TimeBuckets.Cover(w.FromUtc, w.ToUtc, w.GroupBy, w.Tenant.Zone);
        var costs = days.Breakdown
            .Select(b => (Cost: double.TryParse(b.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) && c >= 0 && double.IsFinite(c) ? c : double.NaN, b.Data))
            .Where(b => !double.IsNaN(b.Cost))
            .ToList();
        var perBucket = new double?[buckets.Count];
        if (costs.Count == 0) return (null, 0, perBucket);
        var factor = w.Converter.FromBase;
        double? latest = null;
        var valuedUnits = 0.0;
        var bucket = 0;
        for (var d = 0; d < days.Data.Count; d++)
        {
            if (days.Data[d].Count == 0) continue;
            var units = 0.0;
            var amount = 0.0;
            var valued = false;
            foreach (var (cost, data) in costs)
            {
                if (data[d].Count == 0) continue;
                valued = true;
                units += data[d].Value ?? 0;
                amount += cost * (data[d].Value ?? 0);
            }
            while (bucket < buckets.Count - 1 && days.Data[d].StartUtc >= buckets[bucket].EndUtc) bucket++;
            // A day with readings but none carrying a cost has no value, rather than a value of zero.
            perBucket[bucket] = valued ? amount * factor : null;
            latest = perBucket[bucket];
            valuedUnits = units;
        }
        return (latest, valuedUnits, perBucket);
    }
}
