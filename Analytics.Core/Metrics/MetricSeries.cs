namespace Analytics.Core.Metrics;

/// <summary>The answer to a <see cref="MetricQuery"/>: every bucket of the range, empty ones included, and the tier that answered.</summary>
public sealed record MetricSeries(MetricQuery Query, IReadOnlyList<MetricPoint> Data, MetricSummary Summary, MetricTier Tier)
{
    /// <summary>The aggregate of the whole range, by the query's aggregate.</summary>
    public double? Value { get; init; }

    /// <summary>count, sum, min, max and last of the whole range.</summary>
    public RollupCell Totals { get; init; }

    /// <summary>The currency every amount of the answer is in; null for a metric that is not an amount.</summary>
    public string? Currency { get; init; }

    /// <summary>What the metric means in its tenant; the convention when the answer was not read from the store.</summary>
    public MetricDefinition Definition
    {
        get => field ??= MetricConventions.For(Query.Name);
        init;
    }

    /// <summary>How the answer's figures read: its unit or currency, by the metric's definition and the aggregate.</summary>
    public FigureFormat Format { get; init; } = FigureFormat.Plain;

    /// <summary>A value column's header: the aggregate and the unit, "Total (USD)".</summary>
    public string ValueHeader
    {
        get
        {
            var agg = Query.Agg switch
            {
                MetricAggregate.Sum => "Total",
                MetricAggregate.Avg => "Average",
                var other => other.ToString(),
            };
            return Format.UnitName is { Length: > 0 } unit ? $"{agg} ({unit})" : agg;
        }
    }

    /// <summary>Events left out because their currency has no exchange rate (never added unconverted).</summary>
    public long UnconvertedEvents { get; init; }

    /// <summary>One series per value of <see cref="MetricQuery.By"/>, largest first; empty without a breakdown.</summary>
    public IReadOnlyList<MetricBreakdown> Breakdown { get; init; } = [];
}
