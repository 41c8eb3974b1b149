using Analytics.Core.Customers;
using Analytics.Core.Data;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Analytics.Tests.Core.Customers;

public sealed class CustomerFiguresTests : IAsyncLifetime
{
    private readonly CoreHost _host = new();
    private Caller _acme = null!;

    public async ValueTask InitializeAsync() => _acme = await _host.CreateTenantAsync("acme");

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static readonly (string Name, string Module)[] Kinds =
    [
        ("order_value", "fulfillment"), ("subscription_revenue", "sales"), ("refund_amount", "fulfillment"),
        ("ticket_opened", "support"), ("email_click", "campaign"), ("points_earned", "rewards"),
    ];

    private static readonly string?[] Currencies = ["usd", "eur", "gbp", null];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Incremental_figures_equal_a_full_recomputation_for_random_histories(int seed)
    {
        var random = new Random(seed);
        var now = _host.Clock.GetUtcNow().UtcDateTime;
        var customers = Enumerable.Range(1, 6).Select(i => $"s{seed}_c{i}").ToArray();
        var events = new List<MetricEventInput>();
        for (var i = 0; i < 400; i++)
        {
            var (name, module) = Kinds[random.Next(Kinds.Length)];
            var at = now.AddMinutes(-random.Next(0, 200 * 24 * 60));
            var dims = new Dictionary<string, string>();
            if (Currencies[random.Next(Currencies.Length)] is { } currency) dims["currency"] = currency;
            events.Add(new MetricEventInput(name, Math.Round(random.NextDouble() * 900 + 0.01, 2), module, dims,
                new DateTimeOffset(at, TimeSpan.Zero), customers[random.Next(customers.Length)]));
        }
        // Arrive out of order and in uneven batches, as integrations send them.
        for (var offset = 0; offset < events.Count;)
        {
            var size = random.Next(1, 60);
            var batch = events.Skip(offset).Take(size).ToList();
            await _host.RunAsync(_acme, s => s.GetRequiredService<MetricIngestService>().RecordAsync(_acme, batch, CancellationToken.None));
            offset += size;
        }

        await AssertProfilesMatchAsync(customers, events, now);

        // A week passes with no events: the nightly pass moves recency, and the figures still match a recomputation.
        _host.Clock.Advance(TimeSpan.FromDays(7));
        await _host.RunAsync(_acme, async s => { await s.GetRequiredService<CustomerMaintenance>().RunAsync(CancellationToken.None); return 0; });
        await AssertProfilesMatchAsync(customers, events, _host.Clock.GetUtcNow().UtcDateTime);
    }

    private async Task AssertProfilesMatchAsync(string[] customers, List<MetricEventInput> events, DateTime now)
    {
        await _host.RunAsync(_acme, async s => { await s.GetRequiredService<CustomerSettler>().SettleAllAsync(CancellationToken.None); return 0; });
        var (table, options) = await _host.RunAsync(_acme, async s =>
            (await s.GetRequiredService<TenantCurrencies>().ForTenantAsync(_acme.TenantId, CancellationToken.None), s.GetRequiredService<IOptions<CustomerOptions>>().Value));
        var profiles = await _host.RunAsync(_acme, s => s.GetRequiredService<AnalyticsDbContext>().Customers.ToDictionaryAsync(c => c.ExternalId));
        foreach (var id in customers)
        {
            var history = events.Where(e => e.CustomerId == id)
                .Select(e => new CustomerEvent(e.Name!, e.Module!, e.Value!.Value, e.Timestamp!.Value.UtcDateTime, e.Dimensions?.GetValueOrDefault("currency")))
                .ToList();
            var expected = CustomerFigures.FromHistory(history, now, table, options);
            var p = profiles[id];
            Assert.Equal(expected, new CustomerFigures(p.FirstSeen, p.LastSeen, p.Ltv, p.OrderCount, p.EngagementScore));
        }
    }

    [Fact]
    public async Task Lifetime_value_converts_each_amount_into_the_tenant_currency_and_takes_off_refunds()
    {
        var at = new DateTimeOffset(_host.Clock.GetUtcNow().UtcDateTime.AddDays(-1), TimeSpan.Zero);
        await _host.RunAsync(_acme, s => s.GetRequiredService<MetricIngestService>().RecordAsync(_acme,
        [
            new("order_value", 100, "fulfillment", new Dictionary<string, string> { ["currency"] = "usd" }, at, "ltv_1"),
            new("order_value", 92, "fulfillment", new Dictionary<string, string> { ["currency"] = "eur" }, at, "ltv_1"),
            new("subscription_revenue", 50, "sales", null, at, "ltv_1"),
            new("refund_amount", 79, "fulfillment", new Dictionary<string, string> { ["currency"] = "gbp" }, at, "ltv_1"),
            new("ticket_opened", 1, "support", null, at, "ltv_1"),
        ], CancellationToken.None));

        var profile = await _host.RunAsync(_acme, s => s.GetRequiredService<CustomerDirectory>().GetAsync(_acme, "ltv_1", CancellationToken.None));
        // 100 usd + 92 eur (= 100 usd) + 50 (tenant currency) − 79 gbp (= 100 usd)
        Assert.Equal(150m, profile.Ltv);
        Assert.Equal(2, profile.OrderCount);
    }

    [Fact]
    public async Task Ingest_appends_activity_and_a_read_settles_the_profile_first()
    {
        var at = new DateTimeOffset(_host.Clock.GetUtcNow().UtcDateTime.AddHours(-1), TimeSpan.Zero);
        var orders = Enumerable.Range(0, 3).Select(i => new MetricEventInput("order_value", 30_000, "fulfillment", null, at.AddMinutes(i), "settle_1")).ToList();
        await _host.RunAsync(_acme, s => s.GetRequiredService<MetricIngestService>().RecordAsync(_acme, orders, CancellationToken.None));

        // The ingest transaction created the profile and appended its activity; the figures wait for the settler.
        var stored = await _host.RunAsync(_acme, s => s.GetRequiredService<AnalyticsDbContext>().Customers.AsNoTracking().SingleAsync(c => c.ExternalId == "settle_1"));
        Assert.Equal((0m, 0, 0), (stored.Ltv, stored.OrderCount, stored.EngagementScore));
        Assert.Equal(3L, await _host.CountRowsAsync("CustomerActivity"));
        var settler = await _host.RunAsync(_acme, s => Task.FromResult(s.GetRequiredService<CustomerSettler>()));
        Assert.True(settler.HasPending(_acme.TenantId));

        // A read settles the tenant first: the caller sees its own writes, score and high-value membership included.
        var profile = await _host.RunAsync(_acme, s => s.GetRequiredService<CustomerDirectory>().GetAsync(_acme, "settle_1", CancellationToken.None));
        Assert.Equal((90_000m, 3), (profile.Ltv, profile.OrderCount));
        Assert.True(profile.EngagementScore > 0);
        var members = await _host.RunAsync(_acme, s => s.GetRequiredService<SegmentDirectory>().MembersAsync(_acme, "high-value", new CustomerListQuery(), CancellationToken.None));
        Assert.Contains(members.Items, m => m.ExternalId == "settle_1");
        Assert.False(settler.HasPending(_acme.TenantId));

        // Settling again applies nothing twice.
        await settler.SettleAllAsync(CancellationToken.None);
        profile = await _host.RunAsync(_acme, s => s.GetRequiredService<CustomerDirectory>().GetAsync(_acme, "settle_1", CancellationToken.None));
        Assert.Equal((90_000m, 3), (profile.Ltv, profile.OrderCount));
    }

    [Fact]
    public async Task Activity_left_unsettled_by_a_stopped_process_is_settled_exactly_once_by_the_next()
    {
        await using var first = new CoreHost(_host.Clock.GetUtcNow());
        var acme = await first.CreateTenantAsync("acme2");
        var at = new DateTimeOffset(first.Clock.GetUtcNow().UtcDateTime.AddHours(-1), TimeSpan.Zero);
        await first.RunAsync(acme, s => s.GetRequiredService<MetricIngestService>().RecordAsync(acme,
            [new("order_value", 120, "fulfillment", null, at, "restart_1"), new("order_value", 80, "fulfillment", null, at.AddMinutes(1), "restart_1")], CancellationToken.None));

        // A second process on the same file knows nothing of the first one's queue; the mark in the database tells it.
        await using var second = new CoreHost(first.Clock.GetUtcNow(), new Dictionary<string, string?> { ["Database:ConnectionString"] = first.ConnectionString });
        await second.RunAsync(acme, async s => { await s.GetRequiredService<CustomerSettler>().SettleAllAsync(CancellationToken.None); return 0; });
        await first.RunAsync(acme, async s => { await s.GetRequiredService<CustomerSettler>().SettleAllAsync(CancellationToken.None); return 0; });
        var profile = await second.RunAsync(acme, s => s.GetRequiredService<CustomerDirectory>().GetAsync(acme, "restart_1", CancellationToken.None));
        Assert.Equal((200m, 2), (profile.Ltv, profile.OrderCount));
    }

    [Theory]
    [InlineData(0, 40, 3, 100)]
    [InlineData(45, 40, 3, 80)]
    [InlineData(90, 40, 3, 60)]
    [InlineData(0, 0, 0, 40)]
    [InlineData(200, 0, 0, 0)]
    public void Engagement_follows_the_documented_formula(int daysSince, int events, int modules, int expected)
    {
        var now = new DateTime(2026, 3, 15, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(expected, EngagementScore.Compute(now.AddDays(-daysSince), now, events, modules, new CustomerOptions()));
    }
}
