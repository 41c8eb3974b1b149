namespace Analytics.Core.Metrics;

/// <summary>
/// What a metric means: its kind, its unit (<see cref="CurrencyUnit"/>, <c>count</c>, <c>percent</c>, a duration such
/// as <c>h</c>, or free text), how it aggregates over a period, whether a rise is good news, and its module.
/// <see cref="PartsAdd"/> says whether readings of its parts at one time add up to a whole (stock per sku does;
/// OEE per line does not). <see cref="Decimals"/> fixes how many decimals its figures show (by the unit when null).
/// </summary>
public sealed record MetricDefinition(
    string Name,
    MetricKind Kind,
    string? Unit,
    MetricAggregate Aggregate,
    bool HigherIsBetter,
    string? Module,
    string Description,
    bool PartsAdd = false)
{
    /// <summary>The unit of amounts in a currency: each event names its own in a <c>currency</c> dimension.</summary>
    public const string CurrencyUnit = "currency";

    public int? Decimals { get; init; }

    public bool IsMoney => Unit == CurrencyUnit;

    /// <summary>How one day's events make the day's figure in a daily series (forecasts, anomalies): summed for counters and for parts that add up, else averaged.</summary>
    public MetricAggregate DailyAggregate => Kind == MetricKind.Counter || PartsAdd ? MetricAggregate.Sum : MetricAggregate.Avg;
}
