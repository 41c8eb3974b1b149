namespace Analytics.Core.Metrics;

/// <summary>Seed 004's summary of a series: total, count and average of the events' values.</summary>
public sealed record MetricSummary(double Total, long Count, double Average)
{
    public static MetricSummary Of(in RollupCell cell) =>
        new(Math.Round(cell.Sum, 6), cell.Count, cell.Count == 0 ? 0 : Math.Round(cell.Sum / cell.Count, 2));
}
