using System.Globalization;

namespace Analytics.Core.Metrics;

/// <summary>
/// The magnitude a metric value may have, and the one check that a figure computed from stored values is within it.
/// Ingest refuses a value beyond <see cref="MaxMagnitude"/>, so even a billion events summed (at most 1e24) stay far
/// inside double's range and decimal's (money is reported in decimal cents). A read that meets a stored value beyond it
/// anyway — stored before the bound, or written around ingest — refuses that metric's figures with
/// <see cref="Errors.MetricOutOfRangeException"/>, so no infinite or unconvertible figure reaches an answer.
/// </summary>
public static class MetricValueRange
{
    /// <summary>The largest magnitude of one event's value.</summary>
    public const double MaxMagnitude = 1e15;

    /// <summary>The bound as the API documents it, e.g. in error messages: <c>1e15</c>.</summary>
    public static string Bound { get; } = MaxMagnitude.ToString("0e0", CultureInfo.InvariantCulture);

    /// <summary>The message under the field of an event whose value is beyond the bound or not a number at all.</summary>
    public static string RefusedValue { get; } = $"The value must be a finite number between -{Bound} and {Bound}.";

    /// <summary>Whether one event's value is finite and within the bound.</summary>
    public static bool Holds(double value) => Math.Abs(value) <= MaxMagnitude;

    /// <summary>
    /// Whether an aggregate could have come from events within the bound: its min, max and last within it, and its sum
    /// finite and at most count times the bound (with room for rounding). False for anything infinite or NaN.
    /// </summary>
    public static bool Holds(in RollupCell cell) =>
        cell.Count == 0
        || (cell.Count > 0 && Holds(cell.Min) && Holds(cell.Max) && Holds(cell.Last)
            && Math.Abs(cell.Sum) <= cell.Count * MaxMagnitude * (1 + 1e-9));

    /// <summary>A ratio or other derived figure when it is finite; null when a tiny divisor or the like made it infinite or NaN.</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
