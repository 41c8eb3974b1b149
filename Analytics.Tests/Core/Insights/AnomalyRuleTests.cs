using Analytics.Core.Insights;

namespace Analytics.Tests.Core.Insights;

public sealed class AnomalyRuleTests
{
    private static readonly DateOnly Day = new(2026, 3, 18);

    private static List<double?> Steady(double level, Func<int, double> noise) =>
        Enumerable.Range(0, AnomalyRule.WindowDays).Select(i => (double?)(level + noise(i))).ToList();

    [Theory]
    [InlineData(100, null)]
    [InlineData(112, null)]
    [InlineData(125, AnomalySeverity.Low)]
    [InlineData(140, AnomalySeverity.Medium)]
    [InlineData(160, AnomalySeverity.High)]
    [InlineData(30, AnomalySeverity.High)]
    public void Severity_needs_both_the_score_and_the_deviation(double actual, AnomalySeverity? expected)
    {
        var window = Steady(100, i => i % 3 - 1);

        var verdict = AnomalyRule.Judge(Day, actual, window);

        Assert.NotNull(verdict);
        Assert.Equal(expected, verdict.Value.Severity);
        Assert.Equal(100, verdict.Value.Expected, 0);
    }

    [Fact]
    public void A_noisy_series_needs_a_larger_move_than_a_quiet_one()
    {
        var noisy = Steady(100, i => i % 2 == 0 ? 15 : -15);

        Assert.Null(AnomalyRule.Judge(Day, 140, noisy)!.Value.Severity);
    }

    [Fact]
    public void A_series_with_too_few_days_is_not_judged()
    {
        var sparse = Steady(100, _ => 0).Select((v, i) => i % 2 == 0 ? v : null).ToList();

        Assert.Null(AnomalyRule.Judge(Day, 1000, sparse));
    }

    [Fact]
    public void The_sentence_is_the_seeds()
    {
        Assert.Equal("Revenue 77% below 30-day moving average on 2026-03-19", AnomalyRule.Describe("order_value", -0.7692, new DateOnly(2026, 3, 19)));
        Assert.Equal("Ticket opened 300% above 30-day moving average on 2026-03-19", AnomalyRule.Describe("ticket_opened", 3, new DateOnly(2026, 3, 19)));
    }
}
