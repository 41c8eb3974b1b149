using Analytics.Core.Errors;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Core.Metrics;

public sealed class MetricRetentionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    // A batch of one row makes every pass loop, as a large backlog would.
    private readonly CoreHost _host = new(T0, new Dictionary<string, string?> { ["Retention:BatchSize"] = "1" });
    private Caller _acme = null!;

    public async ValueTask InitializeAsync()
    {
        _acme = await _host.CreateTenantAsync("acme");
        var events = new[] { 10, 80, 170, 700 }
            .Select(days => new MetricEventInput("order_value", days, "fulfillment",
                new Dictionary<string, string> { ["country"] = "DE" }, T0.AddDays(-days)))
            .ToArray();
        await _host.RunAsync(_acme, s => s.GetRequiredService<MetricIngestService>().RecordAsync(_acme, events, CancellationToken.None));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<MetricRetention.Trimmed> TrimAsync() =>
        _host.RunAsync(_acme, s => s.GetRequiredService<MetricRetention>().TrimAsync(CancellationToken.None));

    private async Task<(long Raw, long Hourly, long Daily)> RowsAsync() =>
        (await _host.CountRowsAsync("MetricEvents"), await _host.CountRowsAsync("MetricRollupsHourly"), await _host.CountRowsAsync("MetricRollupsDaily"));

    private Task<MetricSeries> QueryAsync(string from, string to, string groupBy) =>
        _host.RunAsync(_acme, s => s.GetRequiredService<MetricQueryService>()
            .QueryAsync(_acme, new MetricQueryRequest("order_value", from, to, groupBy), CancellationToken.None));

    [Fact]
    public async Task Ingest_writes_each_event_only_to_the_tiers_that_still_cover_it()
    {
        // Raw keeps 90 days, hourly 183, daily 730; each event makes a total and a country row per rollup tier.
        Assert.Equal((2, 6, 8), await RowsAsync());
    }

    [Fact]
    public async Task Each_tier_loses_exactly_what_is_past_its_period_and_a_second_pass_removes_nothing()
    {
        _host.Clock.Advance(TimeSpan.FromDays(20));

        var first = await TrimAsync();
        var second = await TrimAsync();

        // Now raw starts 70 days back (the 80-day event goes), hourly 163 (the 170-day event goes), daily 710 (all stay).
        Assert.Equal(new MetricRetention.Trimmed(1, 2, 0), first);
        Assert.Equal(default, second);
        Assert.Equal((1, 4, 8), await RowsAsync());

        _host.Clock.Advance(TimeSpan.FromDays(15));
        Assert.Equal(new MetricRetention.Trimmed(0, 0, 2), await TrimAsync());
        Assert.Equal((1, 4, 6), await RowsAsync());
    }

    [Fact]
    public async Task After_trimming_a_day_query_still_answers_from_the_daily_tier_and_an_hour_query_is_refused()
    {
        _host.Clock.Advance(TimeSpan.FromDays(20));
        await TrimAsync();

        var day = T0.AddDays(-80).ToString("yyyy-MM-dd");
        var daily = await QueryAsync(day, day, "day");
        var hour = T0.AddDays(-170).ToString("yyyy-MM-dd");

        Assert.Equal(MetricTier.Daily, daily.Tier);
        Assert.Equal(80, daily.Summary.Total);
        await Assert.ThrowsAsync<UnprocessableException>(() => QueryAsync(hour, hour, "hour"));
    }
}
