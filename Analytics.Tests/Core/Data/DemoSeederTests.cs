using Analytics.Core.Data;
using Analytics.Core.Data.Demo;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Core.Data;

public sealed class DemoSeederTests : IAsyncLifetime
{
    /// <summary>Every event name of DESIGN.md's metric conventions.</summary>
    private static readonly string[] Conventions =
    [
        "order_value", "refund_amount", "subscription_revenue", "deal_stage", "deal_cycle_days", "customer_signup",
        "customer_churned", "marketing_spend", "stock_level", "stock_received", "low_stock_alert", "headcount", "hire",
        "termination", "attendance", "ticket_opened", "ticket_resolved", "first_response_minutes", "csat", "email_sent",
        "email_open", "email_click", "conversion", "unsubscribe", "order_count", "orders_processed", "delivery_time_hours",
        "shipment_volume", "points_earned", "redemptions", "active_dealers", "oee", "machine_uptime", "alarm",
        "products_published", "catalogs_generated", "shopify_sync_status",
    ];

    private const string Key = "ak_demo_test_0123456789abcdef0123456789";

    private readonly CoreHost _host = new(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero), new Dictionary<string, string?>
    {
        ["Seed:Demo:Enabled"] = "true",
        ["Seed:Demo:Days"] = "60",
        ["Seed:Demo:Password"] = "demo-Password-1",
        ["Seed:Demo:ApiKey"] = Key,
    });

    public async ValueTask InitializeAsync()
    {
        await using var scope = _host.Scope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task The_demo_has_a_user_per_role_and_a_working_key()
    {
        await using var scope = _host.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var role in Roles.All)
        {
            var user = await users.FindByEmailAsync($"{role}@demo.local");
            Assert.NotNull(user);
            Assert.True(await users.CheckPasswordAsync(user, "demo-Password-1"));
            Assert.Equal([role], await users.GetRolesAsync(user));
        }
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().AuthenticateAsync(Key, CancellationToken.None);
        Assert.Equal(ApiKeyScope.Write, key?.Scope);
    }

    [Fact]
    public async Task Every_metric_convention_has_events_and_none_lies_in_the_future()
    {
        var tenant = await TenantAsync();
        await using var scope = _host.Scope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenant.Id);
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();

        var names = await db.MetricEvents.Select(e => e.Name).Distinct().ToListAsync();
        var latest = await db.MetricEvents.MaxAsync(e => e.Timestamp);

        Assert.Empty(Conventions.Except(names));
        Assert.True(latest <= _host.Clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task Orders_carry_countries_and_customers_have_profiles()
    {
        var tenant = await TenantAsync();
        var caller = new Caller(tenant.Id, tenant.Slug, null, new HashSet<string> { Roles.Analyst }, false);
        await using var scope = _host.Scope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenant.Id);
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var metrics = scope.ServiceProvider.GetRequiredService<MetricQueryService>();

        var customers = await db.Customers.ToListAsync();
        var german = await metrics.QueryAsync(caller, new MetricQueryRequest("order_value", "2026-02-01", "2026-03-14",
            Filters: new Dictionary<string, string> { ["country"] = "DE" }), CancellationToken.None);
        var withCustomer = await db.MetricEvents.CountAsync(e => e.Name == "order_value" && e.CustomerId != null);

        Assert.True(customers.Count > 100, $"{customers.Count} profiles");
        Assert.All(customers, c => Assert.False(string.IsNullOrEmpty(c.Name) || string.IsNullOrEmpty(c.Country) || string.IsNullOrEmpty(c.Email)));
        Assert.True(german.Summary.Count > 0);
        Assert.True(withCustomer > 0);
    }

    private async Task<Tenant> TenantAsync()
    {
        await using var scope = _host.Scope();
        return (await scope.ServiceProvider.GetRequiredService<TenantDirectory>().FindBySlugAsync("demo", CancellationToken.None))!;
    }
}
