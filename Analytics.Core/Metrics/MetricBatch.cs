namespace Analytics.Core.Metrics;

/// <summary>
/// A validated batch prepared for storage: the raw rows still inside the raw tier, and the hourly and daily
/// rollup cells it touches, aggregated in memory so each touched row is written once per batch.
/// </summary>
public sealed class MetricBatch
{
    public sealed record RawRow(string Name, string Module, double Value, long Ticks, string? CustomerId, IReadOnlyDictionary<string, string>? Dimensions);

    public List<RawRow> Raw { get; } = [];
    public Dictionary<RollupKey, RollupCell> Hourly { get; } = [];
    public Dictionary<RollupKey, RollupCell> Daily { get; } = [];
    /// <summary>The series seen, with the latest timestamp of each; an empty key and value stand for the metric itself.</summary>
    public Dictionary<(string Name, string Module, string DimKey, string DimValue), long> Catalog { get; } = [];
    public HashSet<string> Names { get; } = [];

    public static MetricBatch Aggregate(IReadOnlyList<MetricEventInput> events, TimeZoneInfo zone, DateTime nowUtc, TierCoverage coverage)
    {
        var batch = new MetricBatch();
        foreach (var e in events)
        {
            var name = e.Name!;
            var module = e.Module!;
            var utc = e.Timestamp?.UtcDateTime ?? nowUtc;
            var cell = RollupCell.Of(e.Value!.Value, utc.Ticks);
            batch.Names.Add(name);
            Seen(batch.Catalog, (name, module, "", ""), utc.Ticks);

            if (utc >= coverage.RawFromUtc) batch.Raw.Add(new RawRow(name, module, e.Value.Value, utc.Ticks, e.CustomerId, e.Dimensions));

            var hour = TierCoverage.HourOf(utc);
            var day = TierCoverage.DayOf(utc, zone);
            var hourly = hour >= coverage.HourlyFromHour;
            var daily = day >= coverage.DailyFromDay;
            Add(hourly, batch.Hourly, new RollupKey(name, module, "", "", hour), cell);
            Add(daily, batch.Daily, new RollupKey(name, module, "", "", day), cell);
            if (e.Dimensions is null) continue;
            foreach (var (key, value) in e.Dimensions)
            {
                Seen(batch.Catalog, (name, module, key, value), utc.Ticks);
                Add(hourly, batch.Hourly, new RollupKey(name, module, key, value, hour), cell);
                Add(daily, batch.Daily, new RollupKey(name, module, key, value, day), cell);
            }
        }
        return batch;
    }

    private static void Seen(Dictionary<(string, string, string, string), long> catalog, (string, string, string, string) series, long ticks)
    {
        ref var latest = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(catalog, series, out _);
        if (ticks > latest) latest = ticks;
    }

    private static void Add(bool covered, Dictionary<RollupKey, RollupCell> cells, RollupKey key, in RollupCell cell)
    {
        if (!covered) return;
        ref var existing = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(cells, key, out _);
        existing.Merge(cell);
    }
}
