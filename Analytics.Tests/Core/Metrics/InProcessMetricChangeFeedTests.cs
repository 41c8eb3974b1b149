using System.Collections.Concurrent;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Tests.Core.Metrics;

public sealed class InProcessMetricChangeFeedTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<MetricChange> _heard = new();

    private InProcessMetricChangeFeed Feed() => new(_clock, NullLogger<InProcessMetricChangeFeed>.Instance);

    private Task Listen(MetricChange change)
    {
        _heard.Enqueue(change);
        return Task.CompletedTask;
    }

    [Fact]
    public void A_change_is_heard_at_once_and_changes_within_the_next_second_are_coalesced()
    {
        var feed = Feed();
        using var subscription = feed.Subscribe(1, Listen);

        feed.Publish(1, ["order_value"]);
        _clock.Advance(TimeSpan.Zero);
        feed.Publish(1, ["refund_amount"]);
        feed.Publish(1, ["order_value", "csat"]);
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Single(_heard);

        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal([["order_value"], ["csat", "order_value", "refund_amount"]], _heard.Select(c => c.Names.Order().ToArray()));
    }

    [Fact]
    public void Another_tenants_changes_and_changes_after_disposal_are_not_heard()
    {
        var feed = Feed();
        var subscription = feed.Subscribe(1, Listen);

        feed.Publish(2, ["order_value"]);
        _clock.Advance(TimeSpan.FromSeconds(2));
        subscription.Dispose();
        feed.Publish(1, ["order_value"]);
        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Empty(_heard);
    }

    [Fact]
    public async Task Ingest_publishes_the_metrics_of_a_committed_batch_and_nothing_for_a_refused_one()
    {
        await using var host = new CoreHost();
        var caller = await host.CreateTenantAsync("acme");
        await using var scope = host.Scope();
        var feed = scope.ServiceProvider.GetRequiredService<IMetricChangeFeed>();
        using var subscription = feed.Subscribe(caller.TenantId, Listen);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(caller.TenantId);
        var ingest = scope.ServiceProvider.GetRequiredService<MetricIngestService>();

        await Assert.ThrowsAnyAsync<Exception>(() => ingest.RecordAsync(caller, [new MetricEventInput("csat", double.NaN, "support")], CancellationToken.None));
        host.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(_heard);

        await ingest.RecordAsync(caller, [new MetricEventInput("csat", 4, "support"), new MetricEventInput("ticket_opened", 1, "support")], CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromSeconds(2));

        var change = Assert.Single(_heard);
        Assert.Equal(caller.TenantId, change.TenantId);
        Assert.Equal(["csat", "ticket_opened"], change.Names.Order());
    }
}
