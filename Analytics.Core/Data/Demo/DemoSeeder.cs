using System.Diagnostics;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Data.Demo;

/// <summary>Writes the demo tenant — users per role, an API key and two years of events — through the public services.</summary>
public sealed partial class DemoSeeder(
    IOptions<DemoOptions> options,
    TenantDirectory tenants,
    UserDirectory users,
    ApiKeyService keys,
    TenantContext tenantContext,
    MetricIngestService ingest,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    public const string Slug = "demo";
    public const string EmailDomain = "demo.local";
    private const int BatchSize = 10_000;

    public async Task SeedAsync(CancellationToken ct)
    {
        var demo = options.Value;
        if (!demo.Enabled || await tenants.FindBySlugAsync(Slug, ct) is not null) return;
        if (string.IsNullOrWhiteSpace(demo.Password))
            throw new InvalidOperationException("Seed:Demo:Password must be set when the demo tenant is enabled.");

        var watch = Stopwatch.StartNew();
        var tenant = await tenants.CreateAsync(Slug, "Demo Company", "UTC", "usd", ct);
        tenantContext.Use(tenant.Id);
        foreach (var role in Roles.All)
            await users.CreateAsync(tenant.Id, $"{role}@{EmailDomain}", role, demo.Password, char.ToUpperInvariant(role[0]) + role[1..]);
        if (!string.IsNullOrWhiteSpace(demo.ApiKey) && !await keys.ExistsAsync(demo.ApiKey, ct))
            await keys.CreateAsync(tenant.Id, "Demo key", ApiKeyScope.Write, Roles.Admin, demo.ApiKey, ct);

        var caller = new Caller(tenant.Id, tenant.Slug, null, new HashSet<string> { Roles.Admin }, CanWrite: true);
        var events = 0;
        var batch = new List<MetricEventInput>(BatchSize);
        foreach (var e in DemoDataGenerator.Generate(clock.GetUtcNow().UtcDateTime, demo.Days, seed: 20260101))
        {
            batch.Add(e);
            if (batch.Count < BatchSize) continue;
            events += await ingest.RecordAsync(caller, batch, ct);
            batch.Clear();
        }
        if (batch.Count > 0) events += await ingest.RecordAsync(caller, batch, ct);
        LogSeeded(logger, Slug, events, demo.Days, watch.Elapsed.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo tenant {Slug}: {Events} events over {Days} days in {Seconds:0.0} s")]
    private static partial void LogSeeded(ILogger logger, string slug, int events, int days, double seconds);
}
