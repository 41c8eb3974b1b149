using Analytics.Core.Insights;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Core.Insights;

public sealed class AnomalyEmailTests : IAsyncLifetime
{
    private readonly string _pickup = Path.Combine(Path.GetTempPath(), "analytics-tests", $"mail-{Guid.NewGuid():N}");
    private readonly CoreHost _host;
    private Caller _acme = null!;

    public AnomalyEmailTests() => _host = new CoreHost(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero), new Dictionary<string, string?>
    {
        ["Anomalies:EmailAdmins"] = "true",
        ["Smtp:Host"] = "",
        ["Smtp:PickupFolder"] = _pickup,
    });

    public async ValueTask InitializeAsync() => _acme = await _host.CreateTenantAsync("acme");

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        if (Directory.Exists(_pickup)) Directory.Delete(_pickup, recursive: true);
    }

    [Fact]
    public async Task New_high_anomalies_are_emailed_to_the_tenants_admins_once()
    {
        await using (var scope = _host.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserDirectory>();
            await users.CreateAsync(_acme.TenantId, "boss@acme.example", Roles.Admin, "Long-password-2026");
            await users.CreateAsync(_acme.TenantId, "analyst@acme.example", Roles.Analyst, "Long-password-2026");
        }
        var events = Enumerable.Range(1, 60).Select(d => new MetricEventInput("order_count", d == 1 ? 5 : 100 + d % 5, "fulfillment", null,
            new DateTimeOffset(2026, 3, 15, 10, 0, 0, TimeSpan.Zero).AddDays(-d))).ToList();
        await _host.RunAsync(_acme, s => s.GetRequiredService<MetricIngestService>().RecordAsync(_acme, events, CancellationToken.None));

        await _host.RunAsync(_acme, s => s.GetRequiredService<AnomalyService>().DetectAsync(_acme, CancellationToken.None));
        await _host.RunAsync(_acme, s => s.GetRequiredService<AnomalyService>().DetectAsync(_acme, CancellationToken.None));

        var mail = Assert.Single(Directory.GetFiles(_pickup, "*.eml"));
        var text = await File.ReadAllTextAsync(mail);
        Assert.Contains("To: boss@acme.example", text);
        Assert.DoesNotContain("analyst@acme.example", text);
        Assert.Contains("Orders 95% below 30-day moving average on 2026-03-14", text);
    }
}
