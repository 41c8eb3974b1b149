using System.Diagnostics;
using Analytics.Core.Customers;
using Analytics.Core.Dashboards;
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
    CustomerDirectory customers,
    DashboardService dashboards,
    Kpis.ExchangeRateService rates,
    DemoReports reports,
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
        var userIds = new Dictionary<string, string>();
        foreach (var role in Roles.All)
            userIds[role] = (await users.CreateAsync(tenant.Id, $"{role}@{EmailDomain}", role, demo.Password, char.ToUpperInvariant(role[0]) + role[1..])).User.Id;
        if (!string.IsNullOrWhiteSpace(demo.ApiKey) && !await keys.ExistsAsync(demo.ApiKey, ct))
            await keys.CreateAsync(tenant.Id, "Demo key", ApiKeyScope.Write, Roles.Admin, demo.ApiKey, ct);

        var caller = new Caller(tenant.Id, tenant.Slug, null, new HashSet<string> { Roles.Admin }, CanWrite: true) { Name = "demo seed" };
        // The rates the demo's local prices were made with (DemoCatalog.PerUsd).
        await rates.SetAsync(caller, [new("eur", 0.92m), new("gbp", 0.79m)], ct);
        var events = 0;
        var batch = new List<MetricEventInput>(BatchSize);
        var seen = new Dictionary<string, CustomerProfileInput>();
        foreach (var e in DemoDataGenerator.Generate(clock.GetUtcNow().UtcDateTime, demo.Days, seed: 20260101))
        {
            if (e.CustomerId is { } customer) seen[customer] = Seen(seen.GetValueOrDefault(customer), customer, e);
            batch.Add(e);
            if (batch.Count < BatchSize) continue;
            events += await ingest.RecordAsync(caller, batch, ct);
            batch.Clear();
        }
        if (batch.Count > 0) events += await ingest.RecordAsync(caller, batch, ct);
        foreach (var chunk in seen.Values.Chunk(1000)) await customers.UpsertAsync(caller, chunk, ct);
        var admin = caller with { UserId = userIds[Roles.Admin] };
        foreach (var (ownerRole, dashboard) in DemoDashboards.All)
        {
            var owner = caller with { UserId = userIds[ownerRole], Roles = new HashSet<string> { ownerRole } };
            var created = await dashboards.CreateAsync(owner, dashboard with { SharedWith = null }, ct);
            await dashboards.UpdateAsync(admin, created.Dashboard.Id, new DashboardInput(SharedWith: dashboard.SharedWith), ct);
        }
        await reports.SeedAsync(caller with { UserId = userIds[Roles.Analyst], Roles = new HashSet<string> { Roles.Analyst } }, ct);
        LogSeeded(logger, Slug, events, seen.Count, demo.Days, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Widens what is known of a customer by one of its events: first and last seen, and its country.</summary>
    private static CustomerProfileInput Seen(CustomerProfileInput? known, string id, MetricEventInput e)
    {
        var at = e.Timestamp ?? DateTimeOffset.UtcNow;
        known ??= new CustomerProfileInput(id, CompanyName(id), $"buyer@{Domain(CompanyName(id))}.example",
            FirstSeen: at, LastSeen: at);
        return known with
        {
            Country = known.Country ?? e.Dimensions?.GetValueOrDefault("country"),
            FirstSeen = at < known.FirstSeen ? at : known.FirstSeen,
            LastSeen = at > known.LastSeen ? at : known.LastSeen,
        };
    }

    private static readonly string[] NameStarts = ["Northwind", "Bluefin", "Cedar", "Granite", "Harbor", "Juniper", "Kestrel", "Lumen", "Meridian", "Nimbus", "Orchid", "Pioneer", "Quarry", "Redwood", "Summit", "Tidewater", "Vertex", "Willow", "Atlas", "Beacon"];
    private static readonly string[] NameEnds = ["Labs", "Studio", "Partners", "Works", "Group", "Logistics", "Retail", "Foods", "Health", "Design", "Systems", "Outfitters", "Supply", "Media", "Capital", "Dental", "Legal", "Motors", "Analytics", "Interiors", "Architects", "Bakery", "Clinic", "Fitness", "Hotels", "Schools", "Energy", "Farms", "Travel", "Print", "Games"];

    private static string Domain(string company) =>
        string.Join('-', company.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.All(char.IsAsciiLetterOrDigit)));

    private static readonly string[] NameSuffixes = ["", " & Co", " International", " Holdings", " Collective", " Trading", " Brothers", " United", " Direct"];

    /// <summary>A stable company name for a demo customer id such as <c>cus_00042</c>.</summary>
    private static string CompanyName(string id)
    {
        var n = int.TryParse(id.AsSpan(id.LastIndexOf('_') + 1), out var number) ? number : id.GetHashCode(StringComparison.Ordinal) & 0xffff;
        var combinations = NameStarts.Length * NameEnds.Length;
        return $"{NameStarts[n % NameStarts.Length]} {NameEnds[n / NameStarts.Length % NameEnds.Length]}{NameSuffixes[n / combinations % NameSuffixes.Length]}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo tenant {Slug}: {Events} events and {Customers} customer profiles over {Days} days in {Seconds:0.0} s")]
    private static partial void LogSeeded(ILogger logger, string slug, int events, int customers, int days, double seconds);
}
