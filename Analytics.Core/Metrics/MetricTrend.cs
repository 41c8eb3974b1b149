namespace Analytics.Core.Metrics;

/// <summary>A figure for a period with its previous equal period: what a KPI card shows.</summary>
public sealed record MetricTrend(MetricSeries Current, double? Value, double? PreviousValue)
{
    /// <summary>Relative change against the previous period (0.23 = +23 %); null when there is nothing to compare.</summary>
    public double? Change => Value is { } v && PreviousValue is { } p ? ChangeOf(v, p) : null;

    /// <summary>Relative change from <paramref name="before"/> to <paramref name="now"/>; null when before is zero or so small the change is not finite.</summary>
    public static double? ChangeOf(double now, double before) =>
        before == 0 ? null : MetricValueRange.Finite((now - before) / Math.Abs(before));
}
