using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Core.Metrics;

public sealed class MetricWriteQueueTests : IAsyncLifetime
{
    private readonly CoreHost _host = new(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));
    private Caller _acme = null!;

    public async ValueTask InitializeAsync() => _acme = await _host.CreateTenantAsync("acme");

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Concurrent_small_requests_share_commits_and_every_one_lands()
    {
        var queue = await _host.RunAsync(_acme, s => Task.FromResult(s.GetRequiredService<MetricWriteQueue>()));
        var before = queue.Commits;

        var requests = Enumerable.Range(1, 200).Select(i => _host.RunAsync(_acme, s => s.GetRequiredService<MetricIngestService>()
            .RecordAsync(_acme, [new MetricEventInput("order_value", i, "fulfillment", new Dictionary<string, string> { ["n"] = $"{i}" })], CancellationToken.None)));
        Assert.All(await Task.WhenAll(requests), recorded => Assert.Equal(1, recorded));

        Assert.Equal(200L, await _host.CountRowsAsync("MetricEvents"));
        Assert.InRange(queue.Commits - before, 1, 199);
        var total = await _host.RunAsync(_acme, s => s.GetRequiredService<MetricQueryService>()
            .QueryAsync(_acme, new MetricQueryRequest("order_value", "2026-03-15", "2026-03-15", "day"), CancellationToken.None));
        Assert.Equal(200 * 201 / 2, total.Data.Single().Value);
    }

    [Fact]
    public async Task A_request_that_fails_in_a_shared_commit_fails_alone()
    {
        var queue = await _host.RunAsync(_acme, s => Task.FromResult(s.GetRequiredService<MetricWriteQueue>()));
        var now = _host.Clock.GetUtcNow().UtcDateTime;
        MetricWrite Write(int tenantId, double value) => new(tenantId,
            MetricBatch.Aggregate([new MetricEventInput("refund_amount", value, "fulfillment")], TimeZoneInfo.Utc, now, TierCoverage.At(now, new RetentionOptions())));

        // No tenant 999 exists: its raw row breaks the foreign key, whichever requests share its transaction.
        var writes = new[] { Write(_acme.TenantId, 1), Write(999, 2), Write(_acme.TenantId, 3), Write(_acme.TenantId, 4) }
            .Select(w => queue.WriteAsync(w, CancellationToken.None)).ToList();

        await Assert.ThrowsAnyAsync<Exception>(() => writes[1]);
        await Task.WhenAll(writes[0], writes[2], writes[3]);
        Assert.Equal(3L, await _host.CountRowsAsync("MetricEvents"));
        Assert.Equal(0L, await _host.CountRowsAsync("MetricEvents WHERE TenantId = 999"));
    }
}
