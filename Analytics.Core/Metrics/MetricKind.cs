namespace Analytics.Core.Metrics;

/// <summary>What a metric's events are, which decides how they add up.</summary>
public enum MetricKind
{
    /// <summary>Each event counts or carries an amount (orders, revenue, tickets): sums across time.</summary>
    Counter,

    /// <summary>Each event is a reading of a level (stock, headcount, a duration, a score): averaged or its last value over time, never summed.</summary>
    Gauge,

    /// <summary>A share between 0 and 1 (OEE, attendance 1/0): averaged.</summary>
    Ratio,
}
