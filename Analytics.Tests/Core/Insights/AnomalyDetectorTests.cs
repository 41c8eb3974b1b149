using Analytics.Core.Errors;
using Analytics.Core.Insights;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Core.Insights;

public sealed class AnomalyDetectorTests : IAsyncLifetime
{
    private readonly CoreHost _host = new(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));
    private Caller _acme = null!;

    // Planted on a steady weekday/weekend pattern: a spike, a drop and a bump.
    private static readonly DateOnly Spike = new(2026, 2, 10);
    private static readonly DateOnly Drop = new(2026, 2, 24);
    private static readonly DateOnly Bump = new(2026, 3, 4);

    public async ValueTask InitializeAsync() => _acme = await _host.CreateTenantAsync("acme");

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>121 days of daily orders: about 100 on weekdays, 30 at weekends, a few units of fixed noise.</summary>
    private Task RecordOrdersAsync(Caller caller)
    {
        var events = new List<MetricEventInput>();
        for (var day = new DateOnly(2025, 11, 15); day < new DateOnly(2026, 3, 16); day = day.AddDays(1))
        {
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var value = (weekend ? 30 : 100) + day.DayNumber * 37 % 11 - 5.0;
            if (day == Spike) value = 500;
            if (day == Drop) value = 20;
            if (day == Bump) value = 140;
            events.Add(new("order_count", value, "fulfillment", null, new DateTimeOffset(day.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero)));
            // Too sparse to judge: a signup every ninth day, with one burst.
            if (day.DayNumber % 9 == 0 || day == Spike) events.Add(new("customer_signup", day == Spike ? 9 : 1, "sales", null, new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero)));
        }
        return _host.RunAsync(caller, s => s.GetRequiredService<MetricIngestService>().RecordAsync(caller, events, CancellationToken.None));
    }

    private Task<IReadOnlyList<Anomaly>> DetectAsync(Caller caller) =>
        _host.RunAsync(caller, s => s.GetRequiredService<AnomalyService>().DetectAsync(caller, CancellationToken.None));

    private Task<IReadOnlyList<Anomaly>> ListAsync(Caller caller, AnomalyQuery query) =>
        _host.RunAsync(caller, s => s.GetRequiredService<AnomalyService>().ListAsync(caller, query, CancellationToken.None));

    [Fact]
    public async Task Planted_spike_drop_and_bump_are_found_with_their_severity_and_only_them()
    {
        await RecordOrdersAsync(_acme);

        var found = await DetectAsync(_acme);

        Assert.Equal(
            [(Spike, AnomalySeverity.High), (Drop, AnomalySeverity.High), (Bump, AnomalySeverity.Medium)],
            found.OrderBy(a => a.Day).Select(a => (a.Day, a.Severity)));
        Assert.All(found, a => Assert.Equal("order_count", a.Metric));
        var drop = found.Single(a => a.Day == Drop);
        Assert.Equal("Orders 80% below 30-day moving average on 2026-02-24", drop.Description);
        Assert.Equal(100, drop.Expected, 0);
        Assert.Equal(20, drop.Actual);
        Assert.Equal(-0.8, drop.Deviation, 2);
    }

    [Fact]
    public async Task A_second_run_a_day_later_stores_nothing_twice_and_keeps_detected_at()
    {
        await RecordOrdersAsync(_acme);
        var first = await DetectAsync(_acme);

        _host.Clock.Advance(TimeSpan.FromDays(1));
        var second = await DetectAsync(_acme);
        var stored = await ListAsync(_acme, new AnomalyQuery());

        Assert.Equal(3, first.Count);
        Assert.Empty(second);
        Assert.Equal(3, stored.Count);
        Assert.Equal(3, await _host.CountRowsAsync("Anomalies"));
        Assert.All(stored, a => Assert.Equal(new DateTime(2026, 3, 15, 12, 0, 0), a.DetectedAt));
    }

    [Fact]
    public async Task The_list_filters_by_minimum_severity_metric_and_days_and_stays_in_its_tenant()
    {
        var globex = await _host.CreateTenantAsync("globex");
        await RecordOrdersAsync(_acme);
        await DetectAsync(_acme);

        Assert.Equal([Spike, Drop], (await ListAsync(_acme, new AnomalyQuery("high"))).Select(a => a.Day).Order());
        Assert.Equal([Bump], (await ListAsync(_acme, new AnomalyQuery("medium", From: "2026-03-01"))).Select(a => a.Day));
        Assert.Equal(3, (await ListAsync(_acme, new AnomalyQuery("LOW", "order_count"))).Count);
        Assert.Empty(await ListAsync(_acme, new AnomalyQuery(Metric: "csat")));
        Assert.Empty(await ListAsync(_acme, new AnomalyQuery(To: "2026-02-09")));
        Assert.Empty(await ListAsync(globex, new AnomalyQuery()));
    }

    [Fact]
    public async Task Bad_filters_are_refused_and_only_admins_run_the_detector()
    {
        var invalid = await Assert.ThrowsAsync<InvalidInputException>(() => ListAsync(_acme, new AnomalyQuery("severe", "Bad Name", "yesterday")));
        Assert.Equal(["from", "metric", "severity"], invalid.Errors.Keys.Order());
        await Assert.ThrowsAsync<UnprocessableException>(() => ListAsync(_acme, new AnomalyQuery(From: "2026-03-02", To: "2026-03-01")));

        var analyst = _acme with { Roles = new HashSet<string> { Roles.Analyst } };
        await Assert.ThrowsAsync<ForbiddenException>(() => DetectAsync(analyst));
    }
}
