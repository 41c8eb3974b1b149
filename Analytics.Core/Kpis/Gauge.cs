namespace Analytics.Core.Kpis;

/// <summary>
/// A daily gauge read over a window: the last day's sum per bucket (null when a bucket has no reading), at the
/// window's end, per breakdown value, and the average daily sum over the days with readings.
/// </summary>
public sealed record Gauge(
    IReadOnlyList<(string Period, double? Value)> PerBucket,
    double? Latest,
    IReadOnlyDictionary<string, double> ByValue,
    double? DailyAverage);
