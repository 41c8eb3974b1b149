using Analytics.Core.Insights;

namespace Analytics.Tests.Core.Insights;

/// <summary>The forecasting method on synthetic series with a known trend, season and noise.</summary>
public sealed class ForecasterTests
{
    private static readonly double[] MonthShape = [-120, -90, 10, 40, 60, 20, -60, -40, 50, 90, 160, 130];

    /// <summary>1000 + 15 per month + a yearly shape, plus normal noise of <paramref name="noise"/>.</summary>
    private static double[] Monthly(int months, double noise, Random random, int offset = 0) =>
        Enumerable.Range(offset, months).Select(t => 1000 + 15 * t + MonthShape[t % 12] + noise * Normal(random)).ToArray();

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void A_seasonal_monthly_series_is_recovered_within_two_percent()
    {
        var history = Monthly(36, noise: 20, new Random(7));
        var truth = Monthly(12, noise: 0, new Random(0), offset: 36);

        var (model, points, confidence, _) = Forecaster.Run(history, 12, 12);

        Assert.Equal(Forecaster.SeasonalModel, model);
        var mape = points.Select((p, i) => Math.Abs(p.Predicted - truth[i]) / truth[i]).Average();
        Assert.True(mape < 0.02, $"MAPE {mape:P2}");
        Assert.True(confidence > 0.95, $"confidence {confidence}");
        Assert.All(points, p => Assert.True(p.Low < p.Predicted && p.Predicted < p.High));
    }

    [Fact]
    public void The_80_percent_interval_covers_about_80_percent_of_simulated_futures()
    {
        var random = new Random(11);
        int inside = 0, total = 0;
        for (var run = 0; run < 400; run++)
        {
            var series = Monthly(30, noise: 40, random);
            var (_, points, _, _) = Forecaster.Run(series[..24], 12, 6);
            for (var h = 0; h < 6; h++, total++)
                if (series[24 + h] >= points[h].Low && series[24 + h] <= points[h].High) inside++;
        }

        var coverage = (double)inside / total;
        Assert.InRange(coverage, 0.75, 0.85);
    }

    [Fact]
    public void A_yearly_cycle_in_weeks_is_modelled_with_harmonics()
    {
        var random = new Random(3);
        var weeks = Enumerable.Range(0, 110).Select(t => 500 + 2 * t + 80 * Math.Sin(2 * Math.PI * t / (365.25 / 7)) + 10 * Normal(random)).ToArray();

        var (model, points, confidence, _) = Forecaster.Run(weeks, 365.25 / 7, 4);

        Assert.Equal(Forecaster.SeasonalModel, model);
        for (var h = 0; h < 4; h++)
        {
            var t = 110 + h;
            var truth = 500 + 2 * t + 80 * Math.Sin(2 * Math.PI * t / (365.25 / 7));
            Assert.InRange(points[h].Predicted, truth * 0.95, truth * 1.05);
        }
        Assert.True(confidence > 0.9, $"confidence {confidence}");
    }

    [Fact]
    public void Less_than_two_seasons_falls_back_to_a_plain_trend_and_two_points_to_their_mean()
    {
        var (model, points, confidence, origins) = Forecaster.Run([100, 110, 120, 130, 140, 150, 160, 170, 180, 190], 12, 2);
        Assert.Equal(Forecaster.TrendModel, model);
        Assert.Equal(200, points[0].Predicted, 6);
        Assert.Equal(210, points[1].Predicted, 6);
        // Every origin with two points before it is judged, and a straight line predicts each exactly.
        Assert.Equal(8, origins);
        Assert.Equal(1, confidence);

        var (shortModel, shortPoints, shortConfidence, shortOrigins) = Forecaster.Run([100, 200], 12, 1);
        Assert.Equal(Forecaster.MeanModel, shortModel);
        Assert.Equal(150, shortPoints[0].Predicted);
        // One origin: the mean of [100] predicts 100 for 200, sMAPE 2·100/300.
        Assert.Equal(1, shortOrigins);
        Assert.Equal(0.333, shortConfidence);
    }

    [Fact]
    public void The_trend_fallback_is_backtested_on_every_origin_its_short_history_allows()
    {
        // Origin 2: the line through 100, 120 predicts 140 for 130, sMAPE 20/270.
        // Origin 3: least squares on 100, 120, 130 (slope 15, 101.67 at t = 0) predicts 146.67 for 150, sMAPE 6.67/296.67.
        var (model, _, confidence, origins) = Forecaster.Run([100, 120, 130, 150], 12, 1);

        Assert.Equal(Forecaster.TrendModel, model);
        Assert.Equal(2, origins);
        Assert.Equal(Math.Round(1 - (20.0 / 270 + (20.0 / 3) / (890.0 / 3)) / 2, 3), confidence);
        Assert.Equal(0.952, confidence);
    }

    [Fact]
    public void A_backtest_uses_at_most_twelve_origins_and_a_single_point_has_no_confidence()
    {
        var noisy = Enumerable.Range(0, 20).Select(t => 100.0 + 5 * t + (t % 2 == 0 ? 8 : -8)).ToList();
        var (model, _, confidence, origins) = Forecaster.Run(noisy, 12, 1);
        Assert.Equal(Forecaster.TrendModel, model);
        Assert.Equal(Forecaster.MaxBacktestOrigins, origins);
        Assert.InRange(confidence!.Value, 0.8, 0.999);

        var (_, _, none, noOrigins) = Forecaster.Run([100], 12, 1);
        Assert.Null(none);
        Assert.Equal(0, noOrigins);
        Assert.Null(Forecaster.Run([], 12, 1).Confidence);
    }

    [Fact]
    public void Predictions_of_a_falling_amount_stop_at_zero()
    {
        var (_, points, _, _) = Forecaster.Run([50, 40, 30, 20, 10], 12, 3);

        Assert.All(points, p => Assert.True(p.Predicted >= 0 && p.Low >= 0));
    }
}
