using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Core.Metrics;

/// <summary>
/// Rollups must give the answers raw events give. Random events (fixed seed) arrive in shuffled batches, so many are
/// late for rows already written; the tenant is in Berlin, so the range crosses the March DST change. Every order
/// names its currency (one of them without a rate), so each answer is converted; refunds name one only now and then.
/// </summary>
public sealed class RollupEquivalenceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 4, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Countries = ["DE", "US", "FR", "JP"];
    private static readonly string[] Channels = ["web", "store", "partner"];
    private static readonly string[] Currencies = ["usd", "eur", "gbp", "xts"];

    // Raw events kept long enough to be the reference for the whole range.
    private readonly CoreHost _host = new(Now, new Dictionary<string, string?> { ["Retention:RawEvents"] = "400.00:00:00", ["Retention:HourlyRollups"] = "400.00:00:00" });
    private Caller _berlin = null!;
    private Caller _kolkata = null!;

    public async ValueTask InitializeAsync()
    {
        _berlin = await _host.CreateTenantAsync("berlin", "Europe/Berlin");
        _kolkata = await _host.CreateTenantAsync("kolkata", "Asia/Kolkata");
        var rng = new Random(4242);
        var events = Enumerable.Range(0, 4000).Select(i => RandomEvent(rng, i)).ToList();
        foreach (var batch in events.OrderBy(_ => rng.Next()).Chunk(250))
        {
            await RecordAsync(_berlin, batch);
            await RecordAsync(_kolkata, batch);
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>A random event; <paramref name="serial"/> keeps timestamps distinct, since "last" among simultaneous events of different modules is not defined.</summary>
    private static MetricEventInput RandomEvent(Random rng, int serial)
    {
        // Mostly around the DST change and month/quarter edges, some anywhere in the range.
        var anchors = new[] { new DateTime(2026, 3, 29, 1, 0, 0), new DateTime(2026, 3, 31, 22, 0, 0), new DateTime(2025, 12, 31, 23, 0, 0), new DateTime(2026, 2, 1) };
        var at = rng.Next(3) == 0
            ? new DateTime(2025, 11, 1).AddMinutes(rng.Next(170 * 24 * 60))
            : anchors[rng.Next(anchors.Length)].AddMinutes(rng.Next(-180, 180));
        var dims = new Dictionary<string, string> { ["country"] = Countries[rng.Next(Countries.Length)] };
        if (rng.Next(2) == 0) dims["channel"] = Channels[rng.Next(Channels.Length)];
        var name = rng.Next(5) == 0 ? "refund_amount" : "order_value";
        if (name == "order_value" || rng.Next(2) == 0) dims["currency"] = Currencies[rng.Next(Currencies.Length)];
        return new MetricEventInput(name, Math.Round(rng.NextDouble() * 500 - 50, 2),
            rng.Next(4) == 0 ? "sales" : "fulfillment", dims, new DateTimeOffset(DateTime.SpecifyKind(at.AddMilliseconds(serial), DateTimeKind.Utc)));
    }

    private Task RecordAsync(Caller caller, IReadOnlyList<MetricEventInput> events) =>
        _host.RunAsync(caller, s => s.GetRequiredService<MetricIngestService>().RecordAsync(caller, events, CancellationToken.None));

    private Task<MetricSeries> QueryAsync(Caller caller, MetricQuery query, MetricTier? tier) =>
        _host.RunAsync(caller, s => s.GetRequiredService<MetricQueryService>().QueryAsync(caller, query, CancellationToken.None, tier));

    private static MetricQuery Query(string name, DateTime fromLocal, DateTime toLocal, TimeZoneInfo zone, MetricGrouping groupBy, MetricAggregate agg,
        string? module = null, (string, string)? filter = null, string? by = null) =>
        new(name, TimeBuckets.ToUtc(fromLocal, zone), TimeBuckets.ToUtc(toLocal, zone), groupBy, agg, module,
            filter is { } f ? new Dictionary<string, string> { [f.Item1] = f.Item2 } : null, by);

    public static TheoryData<MetricGrouping, MetricAggregate, string?, string?, string?> Shapes()
    {
        var data = new TheoryData<MetricGrouping, MetricAggregate, string?, string?, string?>();
        foreach (var grouping in new[] { MetricGrouping.Day, MetricGrouping.Week, MetricGrouping.Month, MetricGrouping.Quarter })
            foreach (var agg in Enum.GetValues<MetricAggregate>())
                data.Add(grouping, agg, null, null, null);
        data.Add(MetricGrouping.Day, MetricAggregate.Sum, "sales", null, null);
        data.Add(MetricGrouping.Week, MetricAggregate.Last, null, "country=DE", null);
        data.Add(MetricGrouping.Month, MetricAggregate.Avg, null, "channel=web", null);
        data.Add(MetricGrouping.Day, MetricAggregate.Sum, null, null, "country");
        data.Add(MetricGrouping.Month, MetricAggregate.Max, "fulfillment", null, "channel");
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Daily_rollups_answer_as_raw_events_do(MetricGrouping grouping, MetricAggregate agg, string? module, string? filter, string? by)
    {
        foreach (var caller in new[] { _berlin, _kolkata })
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(caller.TenantSlug == "berlin" ? "Europe/Berlin" : "Asia/Kolkata");
            var parsed = filter?.Split('=') is [var k, var v] ? (k, v) : ((string, string)?)null;
            var query = Query("order_value", new DateTime(2025, 11, 1), new DateTime(2026, 4, 20), zone, grouping, agg, module, parsed, by);

            var rolled = await QueryAsync(caller, query, tier: null);
            var raw = await QueryAsync(caller, query, MetricTier.Raw);

            Assert.Equal(MetricTier.Daily, rolled.Tier);
            AssertSame(raw, rolled);
        }
    }

    [Theory]
    [InlineData(MetricGrouping.Hour, MetricAggregate.Sum)]
    [InlineData(MetricGrouping.Hour, MetricAggregate.Last)]
    [InlineData(MetricGrouping.Day, MetricAggregate.Min)]
    public async Task Hourly_rollups_answer_as_raw_events_do_across_the_dst_change(MetricGrouping grouping, MetricAggregate agg)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        // Starts and ends mid-day, so the daily tier cannot answer.
        var query = Query("order_value", new DateTime(2026, 3, 27, 6, 0, 0), new DateTime(2026, 4, 1, 18, 0, 0), zone, grouping, agg);

        var rolled = await QueryAsync(_berlin, query, tier: null);
        var raw = await QueryAsync(_berlin, query, MetricTier.Raw);

        Assert.Equal(MetricTier.Hourly, rolled.Tier);
        AssertSame(raw, rolled);
    }

    [Theory]
    [InlineData(MetricAggregate.Sum, null)]
    [InlineData(MetricAggregate.Avg, "country")]
    [InlineData(MetricAggregate.Count, "currency")]
    public async Task Amounts_with_and_without_a_currency_convert_alike_from_rollups_and_raw_events(MetricAggregate agg, string? by)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var query = Query("refund_amount", new DateTime(2025, 11, 1), new DateTime(2026, 4, 20), zone, MetricGrouping.Month, agg, by: by) with { Currency = "gbp" };

        var rolled = await QueryAsync(_berlin, query, tier: null);
        var raw = await QueryAsync(_berlin, query, MetricTier.Raw);

        Assert.Equal(MetricTier.Daily, rolled.Tier);
        AssertSame(raw, rolled);
        Assert.Equal("gbp", rolled.Currency);
        Assert.Equal(raw.UnconvertedEvents, rolled.UnconvertedEvents);
        Assert.True(rolled.UnconvertedEvents > 0);
    }

    [Fact]
    public async Task An_amount_is_the_sum_of_its_currencies_each_at_its_rate_and_a_currency_without_one_is_counted_apart()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var range = Query("order_value", new DateTime(2025, 11, 1), new DateTime(2026, 4, 20), zone, MetricGrouping.Quarter, MetricAggregate.Sum);
        var rates = await _host.RunAsync(_berlin, s => s.GetRequiredService<Analytics.Core.Kpis.ExchangeRateService>().GetAsync(_berlin, CancellationToken.None));

        var converted = await QueryAsync(_berlin, range, tier: null);
        var expected = 0.0;
        long unknown = 0;
        foreach (var currency in Currencies)
        {
            // One currency alone, in that currency: the amounts as recorded.
            var part = await QueryAsync(_berlin, range with { Filters = new Dictionary<string, string> { ["currency"] = currency }, Currency = currency == "xts" ? null : currency }, tier: null);
            if (currency == "xts") unknown = part.UnconvertedEvents;
            else expected += part.Summary.Total / (double)rates.Rates[currency];
        }

        Assert.Equal(rates.BaseCurrency, converted.Currency);
        Assert.Equal(expected, converted.Summary.Total, 6);
        Assert.True(unknown > 0);
        Assert.Equal(unknown, converted.UnconvertedEvents);
    }

    [Fact]
    public async Task Hours_in_a_half_hour_zone_come_from_raw_events()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        var query = Query("order_value", new DateTime(2026, 3, 28), new DateTime(2026, 3, 30), zone, MetricGrouping.Hour, MetricAggregate.Sum);

        var series = await QueryAsync(_kolkata, query, tier: null);

        Assert.Equal(MetricTier.Raw, series.Tier);
    }

    private static void AssertSame(MetricSeries expected, MetricSeries actual)
    {
        AssertPoints(expected.Data, actual.Data);
        Assert.Equal(expected.Summary.Count, actual.Summary.Count);
        Assert.True(Math.Abs(expected.Summary.Total - actual.Summary.Total) <= 1e-6, $"{expected.Summary.Total} vs {actual.Summary.Total}");
        Assert.Equal(expected.Breakdown.Select(b => b.Value), actual.Breakdown.Select(b => b.Value));
        foreach (var (e, a) in expected.Breakdown.Zip(actual.Breakdown)) AssertPoints(e.Data, a.Data);
        Assert.True(expected.Summary.Count > 0);
    }

    private static void AssertPoints(IReadOnlyList<MetricPoint> expected, IReadOnlyList<MetricPoint> actual)
    {
        Assert.Equal(expected.Select(p => (p.Date, p.Count)), actual.Select(p => (p.Date, p.Count)));
        foreach (var (e, a) in expected.Zip(actual))
        {
            if (e.Value is null) Assert.Null(a.Value);
            else Assert.True(Math.Abs(e.Value.Value - a.Value!.Value) <= 1e-9 * Math.Max(1, Math.Abs(e.Value.Value)), $"{e.Date}: {e.Value} vs {a.Value}");
        }
    }
}
