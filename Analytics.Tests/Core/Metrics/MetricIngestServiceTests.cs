using Analytics.Core.Errors;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Core.Metrics;

public sealed class MetricIngestServiceTests : IAsyncLifetime
{
    private readonly CoreHost _host = new(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));
    private Caller _acme = null!;

    public async ValueTask InitializeAsync() => _acme = await _host.CreateTenantAsync("acme");

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<int> RecordAsync(Caller caller, params MetricEventInput[] events) =>
        _host.RunAsync(caller, s => s.GetRequiredService<MetricIngestService>().RecordAsync(caller, events, CancellationToken.None));

    [Fact]
    public async Task An_event_without_a_timestamp_is_recorded_now()
    {
        await RecordAsync(_acme, new MetricEventInput("order_value", 12.5, "fulfillment"));

        var series = await _host.RunAsync(_acme, s => s.GetRequiredService<MetricQueryService>()
            .QueryAsync(_acme, new MetricQueryRequest("order_value", "2026-03-15", "2026-03-15", "hour"), CancellationToken.None));

        Assert.Equal(12.5, series.Data.Single(p => p.Date == "2026-03-15T12:00").Value);
    }

    [Fact]
    public async Task A_batch_with_one_bad_event_records_none_and_names_its_index()
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => RecordAsync(_acme,
            new MetricEventInput("order_value", 1, "fulfillment"),
            new MetricEventInput("order_value", double.NaN, "fulfillment"),
            new MetricEventInput("Bad Name", 1, "nowhere")));

        Assert.Equal(["[1].value", "[2].module", "[2].name"], e.Errors.Keys.Order(StringComparer.Ordinal));
        foreach (var table in new[] { "MetricEvents", "MetricRollupsHourly", "MetricRollupsDaily", "MetricCatalog" })
            Assert.Equal(0, await _host.CountRowsAsync(table));
    }

    [Fact]
    public async Task Values_beyond_the_bound_refuse_the_batch_under_their_index_and_record_nothing()
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => RecordAsync(_acme,
            new MetricEventInput("order_value", MetricValueRange.MaxMagnitude, "fulfillment"),
            new MetricEventInput("order_value", 1.7e308, "fulfillment"),
            new MetricEventInput("order_value", -MetricValueRange.MaxMagnitude, "fulfillment"),
            new MetricEventInput("order_value", double.NegativeInfinity, "fulfillment"),
            new MetricEventInput("order_value", MetricValueRange.MaxMagnitude * (1 + 1e-15), "fulfillment")));

        Assert.Equal(["[1].value", "[3].value", "[4].value"], e.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("The value must be a finite number between -1e15 and 1e15.", e.Errors["[1].value"].Single());
        foreach (var table in new[] { "MetricEvents", "MetricRollupsHourly", "MetricRollupsDaily", "MetricCatalog" })
            Assert.Equal(0, await _host.CountRowsAsync(table));
    }

    [Fact]
    public async Task Timestamps_too_far_ahead_or_behind_are_refused()
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => RecordAsync(_acme,
            new MetricEventInput("order_value", 1, "fulfillment", Timestamp: _host.Clock.GetUtcNow().AddMinutes(6)),
            new MetricEventInput("order_value", 1, "fulfillment", Timestamp: _host.Clock.GetUtcNow().AddDays(-800))));

        Assert.Equal(["[0].timestamp", "[1].timestamp"], e.Errors.Keys.Order());
    }

    [Fact]
    public async Task Too_many_dimensions_or_long_values_are_refused()
    {
        var many = Enumerable.Range(0, 17).ToDictionary(i => $"d{i}", i => "x");
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => RecordAsync(_acme,
            new MetricEventInput("order_value", 1, "fulfillment", many),
            new MetricEventInput("order_value", 1, "fulfillment", new Dictionary<string, string> { ["region"] = new string('x', 300) })));

        Assert.Contains("[0].dimensions", e.Errors.Keys);
        Assert.Contains("[1].dimensions.region", e.Errors.Keys);
    }

    [Fact]
    public async Task A_read_only_caller_may_not_record()
    {
        var reader = _acme with { CanWrite = false };
        await Assert.ThrowsAsync<ForbiddenException>(() => RecordAsync(reader, new MetricEventInput("order_value", 1, "fulfillment")));
    }

    [Fact]
    public async Task More_events_than_the_limit_is_too_large()
    {
        await using var host = new CoreHost(settings: new Dictionary<string, string?> { ["Ingest:MaxEvents"] = "3" });
        var caller = await host.CreateTenantAsync("small");
        var events = Enumerable.Repeat(new MetricEventInput("order_value", 1, "fulfillment"), 4).ToArray();

        await Assert.ThrowsAsync<TooLargeException>(() =>
            host.RunAsync(caller, s => s.GetRequiredService<MetricIngestService>().RecordAsync(caller, events, CancellationToken.None)));
    }
}
