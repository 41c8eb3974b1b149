using Analytics.Core.Errors;
using Analytics.Core.Insights;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Core.Insights;

public sealed class ForecastServiceTests : IAsyncLifetime
{
    // Stored history reaches back to 16 March 2024: the whole months are April 2024 to February 2026.
    private readonly CoreHost _host = new(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));
    private Caller _acme = null!;
    private static readonly double[] Shape = [-100, -80, 0, 30, 50, 20, -50, -30, 40, 80, 120, 90];

    public async ValueTask InitializeAsync() => _acme = await _host.CreateTenantAsync("acme");

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static double Truth(DateTime month) => 2000 + 10 * ((month.Year - 2024) * 12 + month.Month) + Shape[month.Month - 1];

    private async Task RecordMonthsAsync(DateTime first, DateTime last)
    {
        var events = new List<MetricEventInput>();
        for (var m = first; m <= last; m = m.AddMonths(1))
        {
            // Two orders a month, one of them in euros (0.5 per usd): the forecast reads converted revenue.
            events.Add(new("order_value", Truth(m) / 2, "fulfillment", new Dictionary<string, string> { ["currency"] = "usd" }, new DateTimeOffset(m.AddHours(9), TimeSpan.Zero)));
            events.Add(new("order_value", Truth(m) / 4, "fulfillment", new Dictionary<string, string> { ["currency"] = "eur" }, new DateTimeOffset(m.AddDays(19), TimeSpan.Zero)));
        }
        await _host.RunAsync(_acme, s => s.GetRequiredService<Analytics.Core.Kpis.ExchangeRateService>().SetAsync(_acme, [new("eur", 0.5m)], CancellationToken.None));
        await _host.RunAsync(_acme, s => s.GetRequiredService<MetricIngestService>().RecordAsync(_acme, events, CancellationToken.None));
    }

    private Task<ForecastResult> ForecastAsync(ForecastRequest request) =>
        _host.RunAsync(_acme, s => s.GetRequiredService<ForecastService>().GetAsync(_acme, request, CancellationToken.None));

    [Fact]
    public async Task Monthly_revenue_forecast_follows_trend_and_season_from_the_bucket_in_progress()
    {
        await RecordMonthsAsync(new DateTime(2024, 4, 1), new DateTime(2026, 2, 1));

        var result = await ForecastAsync(new ForecastRequest("3", "month"));

        Assert.Equal(Forecaster.SeasonalModel, result.Model);
        Assert.Equal(23, result.History.Count);
        Assert.Equal(("2024-04", Truth(new DateTime(2024, 4, 1))), (result.History[0].Period, result.History[0].Actual));
        Assert.Equal(["2026-03", "2026-04", "2026-05"], result.Forecast.Select(f => f.Period));
        for (var i = 0; i < 3; i++)
        {
            var truth = Truth(new DateTime(2026, 3 + i, 1));
            Assert.InRange(result.Forecast[i].Predicted, truth - 1, truth + 1);
            Assert.True(result.Forecast[i].ConfidenceLow <= result.Forecast[i].Predicted && result.Forecast[i].Predicted <= result.Forecast[i].ConfidenceHigh);
        }
        Assert.True(result.Confidence > 0.9, $"confidence {result.Confidence}");
        Assert.Equal("usd", result.Currency);
        Assert.Equal(new DateTime(2026, 3, 15, 12, 0, 0, DateTimeKind.Utc), result.GeneratedAt);
    }

    [Fact]
    public async Task Five_months_of_history_give_a_plain_trend_that_says_so()
    {
        await RecordMonthsAsync(new DateTime(2025, 10, 1), new DateTime(2026, 2, 1));

        var result = await ForecastAsync(new ForecastRequest("2", "month", Currency: "eur"));

        Assert.Equal(Forecaster.TrendModel, result.Model);
        Assert.Null(result.SeasonLength);
        Assert.Equal(5, result.History.Count);
        Assert.Equal("eur", result.Currency);
        Assert.Equal(Math.Round(Truth(new DateTime(2025, 10, 1)) / 2, 2), result.History[0].Actual);
    }

    [Theory]
    [InlineData("0", null, "periods")]
    [InlineData("37", null, "periods")]
    [InlineData("three", null, "periods")]
    [InlineData("3", "hour", "granularity")]
    [InlineData("3", "year", "granularity")]
    public async Task Periods_outside_1_to_36_and_unknown_granularities_are_field_errors(string periods, string? granularity, string field)
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => ForecastAsync(new ForecastRequest(periods, granularity)));

        Assert.Equal([field], error.Errors.Keys);
    }
}
