namespace Analytics.Core.Metrics;

/// <summary>
/// A validated question to the metric store: one metric over [<see cref="FromUtc"/>, <see cref="ToUtc"/>), optionally
/// narrowed by module and dimension filters and broken down by the values of one dimension (<see cref="By"/>).
/// <see cref="Segment"/> (a segment's name or id) narrows it to the events of that segment's current members.
/// <see cref="Currency"/> is the currency an amount metric answers in; the tenant's own when null.
/// </summary>
public sealed record MetricQuery(
    string Name,
    DateTime FromUtc,
    DateTime ToUtc,
    MetricGrouping GroupBy = MetricGrouping.Day,
    MetricAggregate Agg = MetricAggregate.Sum,
    string? Module = null,
    IReadOnlyDictionary<string, string>? Filters = null,
    string? By = null,
    string? Segment = null,
    string? Currency = null)
{
    public IReadOnlyDictionary<string, string> FiltersOrEmpty => Filters ?? EmptyFilters;

    /// <summary>How many dimensions the query touches; rollups hold one at most.</summary>
    public int DimensionCount => FiltersOrEmpty.Count + (By is null ? 0 : 1);

    /// <summary>The period of equal length just before this one, for change figures.</summary>
    public MetricQuery Previous() => this with { FromUtc = FromUtc - (ToUtc - FromUtc), ToUtc = FromUtc };

    private static readonly Dictionary<string, string> EmptyFilters = [];
}
