namespace Analytics.Core.Metrics;

/// <summary>A validated question to the metric store: one metric over [<see cref="FromUtc"/>, <see cref="ToUtc"/>).</summary>
public sealed record MetricQuery(
    string Name,
    DateTime FromUtc,
    DateTime ToUtc,
    MetricGrouping GroupBy = MetricGrouping.Day,
    MetricAggregate Agg = MetricAggregate.Sum,
    string? Module = null,
    IReadOnlyDictionary<string, string>? Filters = null)
{
    /// <summary>The period of equal length just before this one, for change figures.</summary>
    public MetricQuery Previous() => this with { FromUtc = FromUtc - (ToUtc - FromUtc), ToUtc = FromUtc };
}
