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

    public static (string Model, IReadOnlyList<(double Predicted, double Low, double High)> Points, double Confidence) Run(
        IReadOnlyList<double> history, double season, int periods, double level = IntervalLevel)
    {
        if (history.Count < 3)
        {
            var mean = history.Count == 0 ? 0 : history.Average();
            return (MeanModel, Enumerable.Repeat((mean, mean, mean), periods).ToList(), 0);
        }
        var fit = SeasonalRegression.Fit(history, season);
        var points = fit.Predict(periods, level);
        // Amounts and counts do not go below zero: neither do their predictions.
        if (history.All(v => v >= 0))
            points = points.Select(p => (Math.Max(0, p.Predicted), Math.Max(0, p.Low), Math.Max(0, p.High))).ToList();
        return (fit.IsSeasonal ? SeasonalModel : TrendModel, points, Backtest(history, season));
    }

    /// <summary>
    /// Rolling-origin backtest: for each of the last origins, fit on the points before it and predict it; the
    /// confidence is 1 − the mean symmetric absolute percentage error, clipped to 0..1.
    /// </summary>
    public static double Backtest(IReadOnlyList<double> history, double season)
    {
        var origins = Math.Min(MaxBacktestOrigins, Math.Max(1, history.Count / 4));
        var errors = new List<double>();
        for (var origin = history.Count - origins; origin < history.Count; origin++)
        {
            if (origin < 3) continue;
            var train = history.Take(origin).ToList();
            var predicted = Math.Max(history.All(v => v >= 0) ? 0 : double.MinValue, SeasonalRegression.Fit(train, season).Predict(1, IntervalLevel)[0].Predicted);
            var actual = history[origin];
            var scale = Math.Abs(predicted) + Math.Abs(actual);
            errors.Add(scale == 0 ? 0 : 2 * Math.Abs(predicted - actual) / scale);
        }
        return errors.Count == 0 ? 0 : Math.Round(Math.Clamp(1 - errors.Average(), 0, 1), 3);
    }
}
