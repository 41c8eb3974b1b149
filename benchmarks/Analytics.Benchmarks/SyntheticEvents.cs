using Analytics.Core.Metrics;

namespace Analytics.Benchmarks;

/// <summary>
/// A deterministic stream of realistic metric events: eight metrics of different modules, three dimensions each
/// with 3 to 15 values, spread evenly over [from, to). Timestamps rise strictly from one event to the next, so the
/// value at the latest timestamp ("last") is well defined per metric and bucket.
/// </summary>
public sealed class SyntheticEvents
{
    public static readonly string[] Countries = ["US", "DE", "GB", "FR", "ES", "IT", "NL", "SE", "PL", "BR", "MX", "JP", "IN", "AU", "CA"];
    public static readonly string[] Channels = ["web", "mobile", "store", "partner"];
    public static readonly string[] Products = Enumerable.Range(1, 12).Select(i => $"p-{i:00}").ToArray();

    private static readonly Metric[] Metrics =
    [
        new("order_value", "sales", 0.22, [("country", Countries), ("channel", Channels), ("product", Products)], r => Math.Round(5 + 495 * r.NextDouble() * r.NextDouble(), 2), WithCustomer: true),
        new("order_count", "fulfillment", 0.18, [("country", Countries), ("channel", Channels), ("product", Products)], _ => 1),
        new("ticket_opened", "support", 0.10, [("country", Countries), ("channel", Channels), ("priority", ["low", "normal", "high"])], _ => 1),
        new("csat", "support", 0.05, [("country", Countries), ("channel", Channels), ("product", Products)], r => r.Next(1, 6)),
        new("stock_level", "inventory", 0.10, [("product", Products), ("warehouse", ["wh-east", "wh-west", "wh-central"]), ("country", Countries)], r => r.Next(0, 1001)),
        new("email_open", "campaign", 0.17, [("country", Countries), ("channel", Channels), ("campaign", ["spring", "summer", "autumn", "winter", "launch", "loyalty"])], _ => 1),
        new("oee", "mes", 0.05, [("country", Countries), ("line", ["line-1", "line-2", "line-3", "line-4", "line-5"]), ("shift", ["early", "late", "night"])], r => Math.Round(0.55 + 0.45 * r.NextDouble(), 4)),
        new("points_earned", "rewards", 0.13, [("country", Countries), ("channel", Channels), ("tier", ["bronze", "silver", "gold", "platinum"])], r => r.Next(1, 101)),
    ];

    private static readonly string[] Customers = Enumerable.Range(1, 20_000).Select(i => $"c-{i:00000}").ToArray();

    private readonly Random _random;
    private readonly long _fromTicks;
    private readonly double _stepTicks;
    private readonly long _total;
    private readonly double[] _cumulativeShare;
    /// <summary>Dimension sets are immutable and few (at most 720 per metric), so events share them.</summary>
    private readonly Dictionary<string, string>?[][] _dimensionSets;

    private readonly bool _customers;

    /// <param name="customers">Whether order events name one of 20 000 customers (22 % of all events), as a shop's do.</param>
    public SyntheticEvents(DateTime fromUtc, DateTime toUtc, long total, int seed = 20_261_126, bool customers = true)
    {
        _customers = customers;
        _random = new Random(seed);
        _fromTicks = fromUtc.Ticks;
        _stepTicks = (double)(toUtc.Ticks - fromUtc.Ticks) / total;
        _total = total;
        var sum = 0.0;
        _cumulativeShare = Metrics.Select(m => sum += m.Share).ToArray();
        _dimensionSets = Metrics.Select(m => new Dictionary<string, string>?[m.Dimensions.Aggregate(1, (n, d) => n * d.Values.Length)]).ToArray();
    }

    public static IReadOnlyList<string> MetricNames => Metrics.Select(m => m.Name).ToList();

    public long Produced { get; private set; }

    public long Remaining => _total - Produced;

    /// <summary>The next <paramref name="count"/> events in time order, fewer at the end of the stream.</summary>
    public List<MetricEventInput> Next(int count)
    {
        var events = new List<MetricEventInput>((int)Math.Min(count, Remaining));
        while (events.Count < count && Produced < _total)
        {
            // Jitter stays below one step, so timestamps still rise strictly.
            var ticks = _fromTicks + (long)((Produced + 0.9 * _random.NextDouble()) * _stepTicks);
            var index = Array.BinarySearch(_cumulativeShare, _random.NextDouble());
            var metricIndex = Math.Min(index >= 0 ? index : ~index, Metrics.Length - 1);
            var metric = Metrics[metricIndex];
            events.Add(new MetricEventInput(
                metric.Name,
                metric.Value(_random),
                metric.Module,
                DimensionsFor(metricIndex),
                new DateTimeOffset(ticks, TimeSpan.Zero),
                metric.WithCustomer && _customers ? Customers[_random.Next(Customers.Length)] : null));
            Produced++;
        }
        return events;
    }

    private Dictionary<string, string> DimensionsFor(int metricIndex)
    {
        var dimensions = Metrics[metricIndex].Dimensions;
        var combination = 0;
        var picks = new int[dimensions.Length];
        for (var d = 0; d < dimensions.Length; d++)
        {
            // Skewed, as real traffic is: the first values of each dimension are the most frequent.
            var u = _random.NextDouble();
            picks[d] = (int)(u * u * dimensions[d].Values.Length);
            combination = combination * dimensions[d].Values.Length + picks[d];
        }
        return _dimensionSets[metricIndex][combination] ??= dimensions
            .Select((d, i) => (d.Key, Value: d.Values[picks[i]]))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    private sealed record Metric(string Name, string Module, double Share, (string Key, string[] Values)[] Dimensions, Func<Random, double> Value, bool WithCustomer = false);
}
