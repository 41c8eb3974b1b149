namespace Analytics.Core.Metrics;

/// <summary>The width of one point of a series; days and coarser are counted in the tenant's zone.</summary>
public enum MetricGrouping
{
    Hour,
    Day,
    /// <summary>ISO week, starting Monday.</summary>
    Week,
    Month,
    Quarter,
}
