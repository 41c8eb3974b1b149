using Analytics.Core.Errors;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;

namespace Analytics.Core.Kpis;

/// <summary>
/// One KPI question's range, grouping and target currency, with the reads every area needs: series of the metric
/// store (rollups, chosen by the planner), amounts in the window's currency, and the same for the previous equal period.
/// A metric whose figures cannot be computed (<see cref="MetricOutOfRangeException"/>) reads as one without events, and
/// is listed in <see cref="Problems"/> (shared with the windows made from this one), for the answer to name it.
/// </summary>
public sealed class KpiWindow(MetricQueryService metrics, Caller caller, Tenant tenant, MetricQuery range, CurrencyConverter converter, DateTime historyFromUtc,
    List<MetricOutOfRangeException>? unreadable = null)
{
    private readonly List<MetricOutOfRangeException> _unreadable = unreadable ?? [];

    public Caller Caller { get; } = caller;
    public Tenant Tenant { get; } = tenant;
    public CurrencyConverter Converter { get; } = converter;
    public DateTime FromUtc => range.FromUtc;
    public DateTime ToUtc => range.ToUtc;
    public MetricGrouping GroupBy => range.GroupBy;
    public string Currency => Converter.Target;

    /// <summary>The start of the stored daily history: the oldest bound a read may have.</summary>
    public DateTime HistoryFromUtc { get; } = historyFromUtc;

    /// <summary>The window of equal length just before this one.</summary>
    public KpiWindow Previous() => new(metrics, Caller, Tenant, range.Previous(), Converter, HistoryFromUtc, _unreadable);

    /// <summary>The same question over other bounds, e.g. the stored history up to this window's end.</summary>
    public KpiWindow Over(DateTime fromUtc, DateTime toUtc, MetricGrouping? groupBy = null) =>
        new(metrics, Caller, Tenant, range with { FromUtc = fromUtc, ToUtc = toUtc, GroupBy = groupBy ?? range.GroupBy }, Converter, HistoryFromUtc, _unreadable);

    /// <summary>The metrics read so far, by this window or one made from it, whose figures could not be computed.</summary>
    public IReadOnlyList<MetricProblem> Problems => _unreadable.Select(e => e.Problem).ToList();

    /// <summary>Throws the first refusal a read met: for an answer about one metric (a forecast), which has no figures without it.</summary>
    public void EnsureReadable()
    {
        if (_unreadable.Count > 0) throw _unreadable[0];
    }

    /// <summary>A series of the window, in its grouping unless one is given; without events when the metric's figures cannot be computed.</summary>
    public async Task<MetricSeries> SeriesAsync(string name, MetricAggregate agg = MetricAggregate.Sum, IReadOnlyDictionary<string, string>? filters = null,
        string? by = null, MetricGrouping? groupBy = null, CancellationToken ct = default)
    {
        var query = range with { Name = name, Agg = agg, Filters = filters, By = by, GroupBy = groupBy ?? range.GroupBy, Currency = Converter.Target };
        try
        {
            return await metrics.QueryAsync(Caller, query, ct);
        }
        catch (MetricOutOfRangeException e)
        {
            if (!_unreadable.Exists(u => u.Metric == e.Metric)) _unreadable.Add(e);
            return metrics.Blank(query, Tenant.Zone, e);
        }
    }

    /// <summary>What a metric means in the window's tenant.</summary>
    public Task<MetricDefinition> DefinitionAsync(string name, CancellationToken ct) => metrics.DefinitionAsync(Caller, name, ct);

    /// <summary>The window's total, by an aggregate; null when no event fell in it and the aggregate is not additive.</summary>
    public async Task<double?> ValueAsync(string name, MetricAggregate agg = MetricAggregate.Sum, IReadOnlyDictionary<string, string>? filters = null, CancellationToken ct = default)
    {
        var series = await SeriesAsync(name, agg, filters, groupBy: Widest, ct: ct);
        return series.Value;
    }

    /// <summary>Number of events of a metric in the window.</summary>
    public async Task<long> CountAsync(string name, IReadOnlyDictionary<string, string>? filters = null, CancellationToken ct = default) =>
        (await SeriesAsync(name, MetricAggregate.Count, filters, groupBy: Widest, ct: ct)).Totals.Count;

    /// <summary>An amount metric in the window's currency (the metric store converts it), per bucket and in total.</summary>
    public async Task<Money> MoneyAsync(string name, MetricGrouping? groupBy = null, CancellationToken ct = default)
    {
        var series = await SeriesAsync(name, MetricAggregate.Sum, groupBy: groupBy, ct: ct);
        return new Money(series, series.Data.Select(p => p.Value ?? 0).ToList(), series.Totals.Sum, series.Totals.Count);
    }

    /// <summary>An amount metric per value of one dimension, in the window's currency.</summary>
    public async Task<IReadOnlyList<(string Value, double Amount, long Count)>> MoneyByAsync(string name, string by, CancellationToken ct = default)
    {
        var series = await SeriesAsync(name, MetricAggregate.Sum, by: by, groupBy: Widest, ct: ct);
        return series.Breakdown.Select(b => (b.Value, b.Summary.Total, b.Summary.Count)).ToList();
    }

    /// <summary>Per value of one dimension: the total of a metric by an aggregate and its event count.</summary>
    public async Task<IReadOnlyList<(string Value, double Total, long Count)>> ByAsync(string name, string by, MetricAggregate agg = MetricAggregate.Sum,
        IReadOnlyDictionary<string, string>? filters = null, CancellationToken ct = default)
    {
        var series = await SeriesAsync(name, agg, filters, by, Widest, ct);
        return series.Breakdown.Select(b => (b.Value, b.Total ?? 0, b.Summary.Count)).ToList();
    }

    /// <summary>
    /// A daily gauge (one reading per item and day, such as <c>stock_level</c> per sku and warehouse): the sum of
    /// the last day with readings, per bucket of the window, over the window, and per value of <paramref name="by"/>.
    /// </summary>
    public async Task<Gauge> GaugeAsync(string name, string? by = null, CancellationToken ct = default)
    {
        var days = await SeriesAsync(name, MetricAggregate.Sum, by: by, groupBy: MetricGrouping.Day, ct: ct);
        var buckets = TimeBuckets.Cover(FromUtc, ToUtc, GroupBy, Tenant.Zone);
        var perBucket = new double?[buckets.Count];
        var b = 0;
        foreach (var day in days.Data)
        {
            while (b < buckets.Count - 1 && day.StartUtc >= buckets[b].EndUtc) b++;
            if (day.Count > 0) perBucket[b] = day.Value;
        }
        static double? Last(IReadOnlyList<MetricPoint> points) => points.LastOrDefault(p => p.Count > 0)?.Value;
        return new Gauge(
            buckets.Select((x, i) => (x.Label, perBucket[i])).ToList(),
            Last(days.Data),
            days.Breakdown.ToDictionary(x => x.Value, x => Last(x.Data) ?? 0),
            days.Summary.Count == 0 ? null : days.Data.Where(p => p.Count > 0).Average(p => p.Value ?? 0));
    }

    /// <summary>Reads whole ranges in few buckets: a window's total does not need its grouping.</summary>
    private MetricGrouping Widest => (ToUtc - FromUtc).TotalDays > 400 ? MetricGrouping.Quarter : MetricGrouping.Day;

    /// <summary>Bucket labels of the window in its grouping.</summary>
    public IReadOnlyList<string> Labels => TimeBuckets.Cover(FromUtc, ToUtc, GroupBy, Tenant.Zone).Select(b => b.Label).ToList();

    /// <summary>An amount rounded to cents, as money is reported.</summary>
    public static decimal Cents(double amount) => Math.Round((decimal)amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>A ratio rounded to four places; null when the denominator is zero.</summary>
    public static double? Ratio(double numerator, double denominator) =>
        denominator == 0 || MetricValueRange.Finite(numerator / denominator) is not { } ratio ? null : Math.Round(ratio, 4, MidpointRounding.AwayFromZero);

    /// <summary>Relative change from <paramref name="before"/> to <paramref name="now"/>; null without a previous figure.</summary>
    public static double? Growth(double now, double before) =>
        MetricTrend.ChangeOf(now, before) is { } change ? Math.Round(change, 4, MidpointRounding.AwayFromZero) : null;
}
