namespace Analytics.Core.Insights;

/// <summary>
/// Seed 000's forecast answer: the model used, when, the predicted buckets with their interval and a backtest
/// confidence; plus the history it learnt from, the metric, the granularity and the interval's level.
/// </summary>
public sealed record ForecastResult(
    string Model,
    DateTime GeneratedAt,
    IReadOnlyList<ForecastPoint> Forecast,
    double Confidence,
    string? Currency,
    string Metric,
    string Granularity,
    double IntervalLevel,
    double? SeasonLength,
    IReadOnlyList<ForecastActual> History);
