using System.Text.Json;

namespace Analytics.Core.Metrics;

/// <summary>
/// A validated batch prepared for storage: the raw rows still inside the raw tier, and the hourly and daily
/// rollup cells it touches, aggregated in memory so each touched row is written once per batch. Everything that
/// costs CPU (dimension JSON, ordering) is done here, before the write transaction takes SQLite's one writer.
/// </summary>
public sealed class MetricBatch
{
    /// <summary>A raw row; <see cref="Dimensions"/> is the event's dimensions as stored JSON.</summary>
    public sealed record RawRow(string Name, string Module, double Value, long Ticks, string? CustomerId, string Dimensions);

    /// <summary>Raw rows in series order (name, then time; stable), so consecutive inserts land on the same index pages.</summary>
    public List<RawRow> Raw { get; private set; } = [];

    /// <summary>Each event's dimensions as stored JSON, by the event's index in the batch.</summary>
    public string[] DimensionsJson { get; private set; } = [];
    public Dictionary<RollupKey, RollupCell> Hourly { get; } = [];
    public Dictionary<RollupKey, RollupCell> Daily { get; } = [];
    /// <summary>The series seen, with the latest timestamp of each; an empty key and value stand for the metric itself.</summary>
    public Dictionary<(string Name, string Module, string DimKey, string DimValue), long> Catalog { get; } = [];
    public HashSet<string> Names { get; } = [];

    public static MetricBatch Aggregate(IReadOnlyList<MetricEventInput> events, TimeZoneInfo zone, DateTime nowUtc, TierCoverage coverage)
    {
        var batch = new MetricBatch { DimensionsJson = new string[events.Count] };
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var json = batch.DimensionsJson[i] = events is MetricEventList read ? read.DimensionsJsonAt(i) : DimensionsJsonOf(e.Dimensions);
            var name = e.Name!;
            var module = e.Module!;
            var utc = e.Timestamp?.UtcDateTime ?? nowUtc;
            var cell = RollupCell.Of(e.Value!.Value, utc.Ticks);
            batch.Names.Add(name);
            Seen(batch.Catalog, (name, module, "", ""), utc.Ticks);

            if (utc >= coverage.RawFromUtc) batch.Raw.Add(new RawRow(name, module, e.Value.Value, utc.Ticks, e.CustomerId, json));

            var hour = TierCoverage.HourOf(utc);
            var day = TierCoverage.DayOf(utc, zone);
            var hourly = hour >= coverage.HourlyFromHour;
            var daily = day >= coverage.DailyFromDay;
            Add(hourly, batch.Hourly, new RollupKey(name, module, "", "", hour), cell);
            Add(daily, batch.Daily, new RollupKey(name, module, "", "", day), cell);
            if (e.Dimensions is null) continue;
            e.Dimensions.TryGetValue(CurrencySplit.Dimension, out var currency);
            foreach (var (key, value) in e.Dimensions)
            {
                batch.AddSeries(name, module, key, value, utc.Ticks, hour, day, hourly, daily, cell);
                // An amount's rows per dimension value and currency, so it converts exactly by that dimension too.
                if (currency is not null && key != CurrencySplit.Dimension)
                    batch.AddSeries(name, module, CurrencySplit.KeyOf(key), CurrencySplit.ValueOf(currency, value), utc.Ticks, hour, day, hourly, daily, cell);
            }
        }
        // The sort is stable: events of one series at the same instant keep their batch order, which decides "last".
        batch.Raw = batch.Raw.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Ticks).ToList();
        return batch;
    }

    private void AddSeries(string name, string module, string key, string value, long ticks, long hour, long day, bool hourly, bool daily, in RollupCell cell)
    {
        Seen(Catalog, (name, module, key, value), ticks);
        Add(hourly, Hourly, new RollupKey(name, module, key, value, hour), cell);
        Add(daily, Daily, new RollupKey(name, module, key, value, day), cell);
    }

    /// <summary>Dimensions as stored: a JSON object, <c>{}</c> when there are none.</summary>
    public static string DimensionsJsonOf(IReadOnlyDictionary<string, string>? dimensions) =>
        dimensions is { Count: > 0 } d ? JsonSerializer.Serialize(d) : "{}";

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
