namespace Analytics.Core.Metrics;

/// <summary>One bucket of a series: its label, start, aggregated value (null when empty and not additive) and event count.</summary>
public sealed record MetricPoint(string Date, DateTime StartUtc, double? Value, long Count)
{
    /// <summary>Whether the bucket has not ended yet, so its value is a figure so far.</summary>
    public bool Partial { get; init; }
}
