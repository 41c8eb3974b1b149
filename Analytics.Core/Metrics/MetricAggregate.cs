namespace Analytics.Core.Metrics;

public enum MetricAggregate
{
    Sum,
    Avg,
    Min,
    Max,
    Count,
    /// <summary>The value at the latest timestamp: for gauges such as stock levels.</summary>
    Last,
}
