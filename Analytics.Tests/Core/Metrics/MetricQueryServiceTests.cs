using Analytics.Core.Errors;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Core.Metrics;

public sealed class MetricQueryServiceTests : IAsyncLifetime
{
    private readonly CoreHost _host = new(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));
    private Caller _acme = null!;

    public async ValueTask InitializeAsync() => _acme = await _host.CreateTenantAsync("acme");

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static MetricEventInput At(string utc, double value, string name = "order_value", IReadOnlyDictionary<string, string>? dims = null) =>
        new(name, value, "fulfillment", dims, DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

    private Task RecordAsync(Caller caller, params MetricEventInput[] events) =>
        _host.RunAsync(caller, s => s.GetRequiredService<MetricIngestService>().RecordAsync(caller, events, CancellationToken.None));

    private Task<MetricSeries> QueryAsync(Caller caller, string from, string to, string? groupBy = null, string? agg = null, string name = "order_value", IReadOnlyDictionary<string, string>? filters = null) =>
        _host.RunAsync(caller, s => s.GetRequiredService<MetricQueryService>()
            .QueryAsync(caller, new MetricQueryRequest(name, from, to, groupBy, agg, Filters: filters), CancellationToken.None));

    [Fact]
    public async Task Query_by_day_fills_every_day_of_the_range_and_sums_each()
    {
        await RecordAsync(_acme, At("2026-03-01T09:00:00Z", 10), At("2026-03-01T17:00:00Z", 20), At("2026-03-03T08:00:00Z", 5));

        var series = await QueryAsync(_acme, "2026-03-01", "2026-03-03", "day");

        Assert.Equal(["2026-03-01", "2026-03-02", "2026-03-03"], series.Data.Select(p => p.Date));
        Assert.Equal([30d, 0d, 5d], series.Data.Select(p => p.Value!.Value));
        Assert.Equal([2L, 0L, 1L], series.Data.Select(p => p.Count));
        Assert.Equal(new MetricSummary(35, 3, 11.67), series.Summary);
        Assert.Equal(MetricTier.Daily, series.Tier);
    }

    [Fact]
    public async Task From_is_inclusive_and_a_to_date_includes_its_whole_day()
    {
        await RecordAsync(_acme,
            At("2026-02-28T23:59:59Z", 1), At("2026-03-01T00:00:00Z", 10),
            At("2026-03-03T23:59:59Z", 100), At("2026-03-04T00:00:00Z", 1000));

        var series = await QueryAsync(_acme, "2026-03-01", "2026-03-03");

        Assert.Equal(110, series.Summary.Total);
        Assert.Equal(2, series.Summary.Count);
    }

    [Fact]
    public async Task A_trend_whose_previous_period_is_past_retention_has_no_previous_figure()
    {
        await RecordAsync(_acme, At("2026-03-10T12:00:00Z", 7));
        var from = new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc); // inside the 730 days kept; the equal period before it is not

        var trend = await _host.RunAsync(_acme, s => s.GetRequiredService<MetricQueryService>()
            .TrendAsync(_acme, new MetricQuery("order_value", from, new DateTime(2026, 3, 16, 0, 0, 0, DateTimeKind.Utc), MetricGrouping.Month), CancellationToken.None));

        Assert.Equal(7, trend.Value);
        Assert.Null(trend.PreviousValue);
        Assert.Null(trend.Change);
    }

    [Theory]
    [InlineData("2026-03-15T00:05:00Z")]
    [InlineData("2026-03-15T12:30:00Z")]
    [InlineData("2026-03-15T23:55:00Z")]
    [InlineData("2026-03-01T00:05:00Z")] // the first day of a month
    [InlineData("2026-03-31T23:55:00Z")] // the last
    public async Task Today_so_far_is_compared_with_yesterday_up_to_the_same_time(string now)
    {
        var at = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture);
        await using var host = new CoreHost(at);
        var caller = await host.CreateTenantAsync("clock");
        // One order at the start of every hour from the start of yesterday up to now.
        var start = at.UtcDateTime.Date.AddDays(-1);
        var events = Enumerable.Range(0, 48).Select(h => start.AddHours(h)).Where(t => t <= at.UtcDateTime)
            .Select(t => new MetricEventInput("order_count", 1, "fulfillment", null, new DateTimeOffset(t, TimeSpan.Zero))).ToArray();
        await host.RunAsync(caller, s => s.GetRequiredService<MetricIngestService>().RecordAsync(caller, events, CancellationToken.None));

        var (today, yesterday) = await host.RunAsync(caller, async s =>
        {
            var metrics = s.GetRequiredService<MetricQueryService>();
            return (await metrics.TrendAsync(caller, await metrics.ForPeriodAsync(caller, "order_count", "today", MetricGrouping.Hour), CancellationToken.None),
                await metrics.TrendAsync(caller, await metrics.ForPeriodAsync(caller, "order_count", "yesterday", MetricGrouping.Hour), CancellationToken.None));
        });

        // Not "-96 %" just after midnight: the same hours on both sides.
        Assert.True(today.Partial);
        Assert.Equal(at.Hour + 1, today.Value);
        Assert.Equal(at.Hour + 1, today.PreviousValue);
        Assert.Equal(0, today.Change);
        Assert.Equal(at.UtcDateTime.AddDays(-1), today.PreviousToUtc);
        // A whole day is compared with the whole day before it (which has no events here).
        Assert.False(yesterday.Partial);
        Assert.Equal(24, yesterday.Value);
        Assert.Equal(0, yesterday.PreviousValue);
        Assert.Equal(start, yesterday.PreviousToUtc);
    }

    [Fact]
    public async Task Buckets_not_yet_complete_are_partial_and_those_not_begun_have_no_value()
    {
        var at = new DateTimeOffset(2026, 3, 15, 0, 5, 0, TimeSpan.Zero);
        await using var host = new CoreHost(at);
        var caller = await host.CreateTenantAsync("partial");
        MetricEventInput[] events = [new("order_count", 1, "fulfillment", null, at.AddMinutes(-2)), new("order_count", 1, "fulfillment", null, at.AddDays(-1))];
        await host.RunAsync(caller, s => s.GetRequiredService<MetricIngestService>().RecordAsync(caller, events, CancellationToken.None));

        var series = await host.RunAsync(caller, s => s.GetRequiredService<MetricQueryService>()
            .QueryAsync(caller, new MetricQueryRequest("order_count", "2026-03-14", "2026-03-15", "hour"), CancellationToken.None));

        Assert.Equal(48, series.Data.Count);
        Assert.All(series.Data.Take(24), p => Assert.False(p.Partial));
        Assert.Equal([1d, 0d], series.Data.Take(2).Select(p => p.Value!.Value));
        // 00:00–01:00 today is under way; the hours after it have not begun: no value rather than a fall to 0.
        Assert.All(series.Data.Skip(24), p => Assert.True(p.Partial));
        Assert.Equal(1, series.Data[24].Value);
        Assert.All(series.Data.Skip(25), p => Assert.Null(p.Value));
        Assert.Equal(2, series.Summary.Total);
    }

    public static TheoryData<string> Readings() => [.. MetricConventions.All.Where(d => d.Kind != MetricKind.Counter).Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Readings))]
    public async Task A_reading_is_averaged_or_its_last_taken_over_weeks_and_months_never_summed(string name)
    {
        // Readings of 40 on Monday 2 March and 60 on Wednesday 4 March: one week, one month.
        await RecordAsync(_acme, At("2026-03-02T10:00:00Z", 40, name), At("2026-03-04T10:00:00Z", 60, name));
        var expected = MetricConventions.For(name).Aggregate == MetricAggregate.Last ? 60 : 50;

        foreach (var groupBy in new[] { "week", "month" })
        {
            var series = await QueryAsync(_acme, "2026-03-02", "2026-03-08", groupBy, name: name);
            Assert.NotEqual(MetricAggregate.Sum, series.Query.Agg);
            Assert.Equal(expected, Assert.Single(series.Data, p => p.Count > 0).Value);
            Assert.Equal(expected, series.Value);
        }
    }

    [Fact]
    public async Task Weeks_start_on_monday()
    {
        // 2026-03-01 is a Sunday: it closes the week that began on Monday 23 February.
        await RecordAsync(_acme, At("2026-03-01T12:00:00Z", 1), At("2026-03-02T12:00:00Z", 2));

        var series = await QueryAsync(_acme, "2026-02-23", "2026-03-08", "week");

        Assert.Equal(["2026-02-23", "2026-03-02"], series.Data.Select(p => p.Date));
        Assert.Equal([1d, 2d], series.Data.Select(p => p.Value!.Value));
    }

    [Fact]
    public async Task Months_and_quarters_are_labelled_and_grouped()
    {
        await RecordAsync(_acme, At("2026-01-15T12:00:00Z", 1), At("2026-02-10T12:00:00Z", 2), At("2026-03-05T12:00:00Z", 4));

        var months = await QueryAsync(_acme, "2026-01-01", "2026-03-31", "month");
        var quarters = await QueryAsync(_acme, "2025-10-01", "2026-03-31", "quarter");

        Assert.Equal(["2026-01", "2026-02", "2026-03"], months.Data.Select(p => p.Date));
        Assert.Equal([1d, 2d, 4d], months.Data.Select(p => p.Value!.Value));
        Assert.Equal(["2025-Q4", "2026-Q1"], quarters.Data.Select(p => p.Date));
        Assert.Equal([0d, 7d], quarters.Data.Select(p => p.Value!.Value));
    }

    [Fact]
    public async Task Days_are_counted_in_the_tenants_time_zone()
    {
        var berlin = await _host.CreateTenantAsync("berlin", "Europe/Berlin");
        // 23:30 UTC on 1 March is 00:30 on 2 March in Berlin.
        await RecordAsync(berlin, At("2026-03-01T23:30:00Z", 7));

        var series = await QueryAsync(berlin, "2026-03-01", "2026-03-02", "day");

        Assert.Equal([0d, 7d], series.Data.Select(p => p.Value!.Value));
    }

    [Fact]
    public async Task Another_tenants_events_are_never_counted()
    {
        var other = await _host.CreateTenantAsync("other");
        await RecordAsync(_acme, At("2026-03-01T12:00:00Z", 1));
        await RecordAsync(other, At("2026-03-01T12:00:00Z", 1000));

        var series = await QueryAsync(_acme, "2026-03-01", "2026-03-01");

        Assert.Equal(1, series.Summary.Total);
    }

    [Theory]
    [InlineData("sum", 6d)]
    [InlineData("avg", 2d)]
    [InlineData("min", 1d)]
    [InlineData("max", 3d)]
    [InlineData("count", 3d)]
    [InlineData("last", 2d)]
    public async Task Each_aggregate_reduces_a_bucket(string agg, double expected)
    {
        await RecordAsync(_acme, At("2026-03-01T08:00:00Z", 1), At("2026-03-01T09:00:00Z", 3), At("2026-03-01T10:00:00Z", 2));

        var series = await QueryAsync(_acme, "2026-03-01", "2026-03-01", "day", agg);

        Assert.Equal(expected, series.Data.Single().Value);
        Assert.Equal(expected, series.Value);
    }

    [Fact]
    public async Task A_dimension_filter_keeps_only_matching_events()
    {
        await RecordAsync(_acme,
            At("2026-03-01T08:00:00Z", 1, dims: new Dictionary<string, string> { ["country"] = "DE" }),
            At("2026-03-01T09:00:00Z", 10, dims: new Dictionary<string, string> { ["country"] = "US" }));

        var series = await QueryAsync(_acme, "2026-03-01", "2026-03-01", filters: new Dictionary<string, string> { ["country"] = "US" });

        Assert.Equal(10, series.Summary.Total);
    }

    [Fact]
    public async Task From_after_to_is_refused_as_unprocessable()
    {
        await Assert.ThrowsAsync<UnprocessableException>(() => QueryAsync(_acme, "2026-03-05", "2026-03-01"));
    }

    [Theory]
    [InlineData("2026-13-01", "2026-03-01", "day", "from")]
    [InlineData("2026-03-01", "yesterday", "day", "to")]
    [InlineData("2026-03-01", "2026-03-02", "fortnight", "group_by")]
    public async Task Malformed_parameters_name_the_bad_field(string from, string to, string groupBy, string field)
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => QueryAsync(_acme, from, to, groupBy));
        Assert.Equal([field], e.Errors.Keys);
    }

    [Fact]
    public async Task Hourly_grouping_older_than_the_hourly_tier_is_refused_with_the_reason()
    {
        var e = await Assert.ThrowsAsync<UnprocessableException>(() => QueryAsync(_acme, "2025-06-01", "2025-06-30", "hour"));
        Assert.Contains("Hourly data is kept for 183 days", e.Message);
    }

    [Fact]
    public async Task Two_dimensions_older_than_the_raw_tier_are_refused_with_the_reason()
    {
        var e = await Assert.ThrowsAsync<UnprocessableException>(() => QueryAsync(_acme, "2025-06-01", "2025-06-30",
            filters: new Dictionary<string, string> { ["country"] = "DE", ["channel"] = "web" }));
        Assert.Contains("2 dimensions needs raw events", e.Message);
    }

    [Fact]
    public async Task Data_older_than_the_daily_tier_is_refused()
    {
        var e = await Assert.ThrowsAsync<UnprocessableException>(() => QueryAsync(_acme, "2023-01-01", "2023-12-31", "month"));
        Assert.Contains("kept for 730 days", e.Message);
    }

    [Theory]
    [InlineData("2026-02-01", "2026-02-28", "day", null, MetricTier.Daily)]
    [InlineData("2025-01-01", "2026-02-28", "month", null, MetricTier.Daily)]
    [InlineData("2026-03-01", "2026-03-02", "hour", null, MetricTier.Hourly)]
    [InlineData("2026-03-01T06:00:00Z", "2026-03-02T06:00:00Z", "day", null, MetricTier.Hourly)]
    [InlineData("2026-03-01T06:30:00Z", "2026-03-02T06:00:00Z", "day", null, MetricTier.Raw)]
    [InlineData("2026-02-01", "2026-02-28", "day", "country=DE;channel=web", MetricTier.Raw)]
    public async Task The_planner_picks_the_cheapest_exact_tier(string from, string to, string groupBy, string? filters, MetricTier tier)
    {
        var parsed = filters?.Split(';').Select(f => f.Split('=')).ToDictionary(f => f[0], f => f[1]);
        var series = await QueryAsync(_acme, from, to, groupBy, filters: parsed);
        Assert.Equal(tier, series.Tier);
    }
}
