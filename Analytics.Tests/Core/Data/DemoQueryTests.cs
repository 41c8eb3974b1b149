using Analytics.Core.Data.Demo;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Core.Data;

/// <summary>The two-year demo, with raw events kept for the whole span so they can recompute what the rollups answer.</summary>
public sealed class DemoQueryTests : IAsyncLifetime
{
    private readonly CoreHost _host = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero), new Dictionary<string, string?>
    {
        ["Seed:Demo:Enabled"] = "true",
        ["Seed:Demo:Password"] = "demo-Password-1",
        ["Retention:RawEvents"] = "730.00:00:00",
        ["Retention:HourlyRollups"] = "730.00:00:00",
    });

    private Caller _demo = null!;

    public async ValueTask InitializeAsync()
    {
        await using var scope = _host.Scope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().FindBySlugAsync("demo", CancellationToken.None);
        _demo = new Caller(tenant!.Id, tenant.Slug, null, new HashSet<string> { Roles.Analyst }, false);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<MetricSeries> QueryAsync(MetricQuery query, MetricTier? tier = null) =>
        _host.RunAsync(_demo, s => s.GetRequiredService<MetricQueryService>().QueryAsync(_demo, query, CancellationToken.None, tier));

    private async Task<MetricQuery> ParseAsync(string name, string from, string to, string groupBy, string? agg = null, string? by = null) =>
        await _host.RunAsync(_demo, async s =>
        {
            var zone = (await s.GetRequiredService<TenantDirectory>().GetAsync(_demo.TenantId, CancellationToken.None)).Zone;
            return MetricQueryService.Parse(new MetricQueryRequest(name, from, to, groupBy, agg, By: by), zone, _host.Clock.GetUtcNow().UtcDateTime);
        });

    [Theory]
    [InlineData("order_value", "2024-11-27", "2026-11-26", "month", null, null)]
    [InlineData("order_value", "2025-11-24", "2026-11-22", "week", "avg", "country")]
    [InlineData("stock_level", "2026-08-01", "2026-11-26", "day", "last", null)]
    [InlineData("csat", "2024-11-27", "2026-11-26", "quarter", "min", "channel")]
    public async Task Two_years_of_demo_data_answer_from_the_daily_tier_as_raw_events_do(string name, string from, string to, string groupBy, string? agg, string? by)
    {
        var query = await ParseAsync(name, from, to, groupBy, agg, by);

        var rolled = await QueryAsync(query);
        var raw = await QueryAsync(query, MetricTier.Raw);

        Assert.Equal(MetricTier.Daily, rolled.Tier);
        Assert.True(raw.Summary.Count > 1000);
        Assert.Equal(raw.Summary.Count, rolled.Summary.Count);
        Assert.Equal(raw.Data.Select(p => (p.Date, p.Count)), rolled.Data.Select(p => (p.Date, p.Count)));
        foreach (var (r, d) in raw.Data.Zip(rolled.Data))
            Assert.True(r.Value is null ? d.Value is null : Math.Abs(r.Value.Value - d.Value!.Value) <= 1e-6 * Math.Max(1, Math.Abs(r.Value.Value)), $"{r.Date}: {r.Value} vs {d.Value}");
        Assert.Equal(raw.Breakdown.Select(b => (b.Value, b.Summary.Count)), rolled.Breakdown.Select(b => (b.Value, b.Summary.Count)));
    }
}
