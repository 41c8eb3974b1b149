namespace Analytics.Core.Metrics;

/// <summary>The storage tiers, from the finest (and most expensive to scan) to the coarsest.</summary>
public enum MetricTier
{
    Raw,
    Hourly,
    Daily,
    /// <summary>Customer activity: answers queries narrowed to a segment, joined with its current members.</summary>
    Customers,
}
