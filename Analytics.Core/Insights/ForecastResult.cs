namespace Analytics.Core.Insights;

/// <summary>
/// Seed 000's forecast answer: the model used, when, the predicted buckets with their interval and a backtest
/// confidence; plus the history it learnt from, the metric, the granularity and the interval's level. <c>Confidence</c> is
/// null only when the history is too short for any backtest (<c>BacktestOrigins</c> = 0, fewer than two buckets).
/// </summary>
public sealed record ForecastResult(
    string Model,
    DateTime GeneratedAt,
    IReadOnlyList<ForecastPoint> Forecast,
    double? Confidence,
    string? Currency,
    string Metric,
    string Granularity,
    double IntervalLevel,
    double? SeasonLength,
    IReadOnlyList<ForecastActual> History,
    int BacktestOrigins);
