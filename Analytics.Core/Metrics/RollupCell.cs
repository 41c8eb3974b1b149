namespace Analytics.Core.Metrics;

/// <summary>
/// count, sum, min, max and last (the value at the latest timestamp) of a set of events. Cells merge
/// associatively, so a rollup row, a batch and a query bucket all aggregate the same way; on equal
/// timestamps the later-merged value wins, as the later-inserted raw event does.
/// </summary>
public struct RollupCell
{
    public long Count;
    public double Sum;
    public double Min;
    public double Max;
    public double Last;
    public long LastTicks;

    public static RollupCell Of(double value, long ticks) => new()
    {
        Count = 1, Sum = value, Min = value, Max = value, Last = value, LastTicks = ticks,
    };

    public void Merge(in RollupCell other)
    {
        if (other.Count == 0) return;
        if (Count == 0)
        {
            this = other;
            return;
        }
        Count += other.Count;
        Sum += other.Sum;
        if (other.Min < Min) Min = other.Min;
        if (other.Max > Max) Max = other.Max;
        if (other.LastTicks >= LastTicks)
        {
            Last = other.Last;
            LastTicks = other.LastTicks;
        }
    }

    /// <summary>The cell with every amount times <paramref name="factor"/> (a positive exchange rate): count and order stay.</summary>
    public readonly RollupCell Scaled(double factor) => this with { Sum = Sum * factor, Min = Min * factor, Max = Max * factor, Last = Last * factor };

    /// <summary>The aggregate's value; empty cells are 0 for additive aggregates and null otherwise.</summary>
    public readonly double? Result(MetricAggregate agg) => agg switch
    {
        MetricAggregate.Sum => Math.Round(Sum, 6),
        MetricAggregate.Count => Count,
        _ when Count == 0 => null,
        MetricAggregate.Avg => Sum / Count,
        MetricAggregate.Min => Min,
        MetricAggregate.Max => Max,
        MetricAggregate.Last => Last,
        _ => throw new ArgumentOutOfRangeException(nameof(agg)),
    };
}
