namespace Analytics.Core.Metrics;

/// <summary>A figure for a period with its previous equal period: what a KPI card shows.</summary>
public sealed record MetricTrend(MetricSeries Current, double? Value, double? PreviousValue)
{
    /// <summary>Relative change against the previous period (0.23 = +23 %); null when there is nothing to compare.</summary>
    public double? Change => Value is { } v && PreviousValue is { } p && p != 0 ? (v - p) / Math.Abs(p) : null;
}
