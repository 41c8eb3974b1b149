namespace Analytics.Core.Metrics;

/// <summary>A figure for a period with its previous equal period: what a KPI card shows.</summary>
public sealed record MetricTrend(MetricSeries Current, double? Value, double? PreviousValue)
{
    /// <summary>Whether the period is still in progress, so <see cref="Value"/> is a figure so far.</summary>
    public bool Partial { get; init; }

    /// <summary>
    /// Where the previous period's figure ends: its own end, or for a partial period the same span into it as has
    /// elapsed of this one. Null when there is no previous figure.
    /// </summary>
    public DateTime? PreviousToUtc { get; init; }

    /// <summary>Relative change against the previous period (0.23 = +23 %); null when there is nothing to compare.</summary>
    public double? Change => Value is { } v && PreviousValue is { } p ? ChangeOf(v, p) : null;

    /// <summary>Relative change from <paramref name="before"/> to <paramref name="now"/>; null when before is zero or so small the change is not finite.</summary>
    public static double? ChangeOf(double now, double before) =>
        before == 0 ? null : MetricValueRange.Finite((now - before) / Math.Abs(before));
}
