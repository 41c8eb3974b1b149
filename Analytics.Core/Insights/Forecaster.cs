namespace Analytics.Core.Insights;

/// <summary>The forecasting method on a plain series: model choice, prediction intervals and the backtest confidence.</summary>
public static class Forecaster
{
    public const string SeasonalModel = "linear_regression_with_seasonality";
    public const string TrendModel = "linear_trend";
    public const string MeanModel = "mean_of_short_history";

    /// <summary>Two-sided level of the prediction interval.</summary>
    public const double IntervalLevel = 0.8;

    /// <summary>Most rolling origins the backtest tries.</summary>
    public const int MaxBacktestOrigins = 12;

    /// <summary>
    /// Fits the history and predicts <paramref name="periods"/> buckets. <c>Confidence</c> is null when the history is
    /// too short for a single backtest origin (fewer than two points); <c>Origins</c> says how many the backtest used.
    /// </summary>
    public static (string Model, IReadOnlyList<(double Predicted, double Low, double High)> Points, double? Confidence, int Origins) Run(
        IReadOnlyList<double> history, double season, int periods, double level = IntervalLevel)
    {
        if (history.Count < 3)
        {
            var mean = history.Count == 0 ? 0 : history.Average();
            var (meanConfidence, meanOrigins) = Backtest(history, season, MeanModel);
            return (MeanModel, Enumerable.Repeat((mean, mean, mean), periods).ToList(), meanConfidence, meanOrigins);
        }
        var fit = SeasonalRegression.Fit(history, season);
        var points = fit.Predict(periods, level);
        // Amounts and counts do not go below zero: neither do their predictions.
        if (history.All(v => v >= 0))
            points = points.Select(p => (Math.Max(0, p.Predicted), Math.Max(0, p.Low), Math.Max(0, p.High))).ToList();
        var model = fit.IsSeasonal ? SeasonalModel : TrendModel;
        var (confidence, origins) = Backtest(history, season, model);
        return (model, points, confidence, origins);
    }

    /// <summary>
    /// Rolling-origin backtest of <paramref name="model"/>: for each origin, fit the same method on the points before it
    /// and predict it; the confidence is 1 − the mean symmetric absolute percentage error, clipped to 0..1. The seasonal
    /// model is judged on the last quarter of the history; the fallbacks, whose histories are short, on every origin
    /// with enough points before it (two for a trend, one for a mean) — at most <see cref="MaxBacktestOrigins"/>, the
    /// latest. Null confidence and no origins when not even one is possible.
    /// </summary>
    public static (double? Confidence, int Origins) Backtest(IReadOnlyList<double> history, double season, string model)
    {
        var minTrain = model == MeanModel ? 1 : 2;
        var possible = Math.Max(0, history.Count - minTrain);
        var origins = Math.Min(MaxBacktestOrigins, model == SeasonalModel ? Math.Max(1, history.Count / 4) : possible);
        origins = Math.Min(origins, possible);
        if (origins == 0) return (null, 0);
        var nonNegative = history.All(v => v >= 0);
        var errors = new List<double>(origins);
        for (var origin = history.Count - origins; origin < history.Count; origin++)
        {
            var train = history.Take(origin).ToList();
            var predicted = model == MeanModel ? train.Average() : Next(train, season);
            if (nonNegative) predicted = Math.Max(0, predicted);
            var actual = history[origin];
            var scale = Math.Abs(predicted) + Math.Abs(actual);
            errors.Add(scale == 0 ? 0 : 2 * Math.Abs(predicted - actual) / scale);
        }
        return (Math.Round(Math.Clamp(1 - errors.Average(), 0, 1), 3), errors.Count);
    }

    /// <summary>The next point after <paramref name="train"/> by the regression (a straight line through two points).</summary>
    private static double Next(List<double> train, double season) =>
        train.Count == 2 ? 2 * train[1] - train[0] : SeasonalRegression.Fit(train, season).Predict(1, IntervalLevel)[0].Predicted;
}
