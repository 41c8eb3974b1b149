using Analytics.Core.Admin;
using Analytics.Core.Errors;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Core.Metrics;

/// <summary>Each tenant's own retention periods: set within bounds by an admin, trimmed by, and planned with.</summary>
public sealed class TenantRetentionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly RetentionSettings Short = new(7, 30, 365);

    // A batch of one row makes every pass loop, as a large backlog would.
    private readonly CoreHost _host = new(T0, new Dictionary<string, string?> { ["Retention:BatchSize"] = "1" });
    private Caller _short = null!;
    private Caller _default = null!;

    public async ValueTask InitializeAsync()
    {
        _short = await _host.CreateTenantAsync("short") with { UserId = "admin-of-short", Name = "admin@short.example" };
        _default = await _host.CreateTenantAsync("default");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<RetentionSettings> SetAsync(Caller caller, RetentionSettings settings) =>
        _host.RunAsync(caller, s => s.GetRequiredService<RetentionSettingsService>().UpdateAsync(caller, settings, CancellationToken.None));

    private Task<RetentionSettings> GetAsync(Caller caller) =>
        _host.RunAsync(caller, s => s.GetRequiredService<RetentionSettingsService>().GetAsync(caller, CancellationToken.None));

    private Task<int> RecordAsync(Caller caller, params int[] daysAgo) =>
        _host.RunAsync(caller, s => s.GetRequiredService<MetricIngestService>().RecordAsync(caller,
            daysAgo.Select(d => new MetricEventInput("order_value", d, "fulfillment", new Dictionary<string, string> { ["country"] = "DE" }, T0.AddDays(-d))).ToArray(),
            CancellationToken.None));

    private Task<MetricSeries> QueryAsync(Caller caller, string from, string to, string groupBy, IReadOnlyDictionary<string, string>? filters = null) =>
        _host.RunAsync(caller, s => s.GetRequiredService<MetricQueryService>()
            .QueryAsync(caller, new MetricQueryRequest("order_value", from, to, groupBy, Filters: filters), CancellationToken.None));

    private async Task<(long Raw, long Hourly, long Daily)> RowsAsync(Caller caller) =>
        (await _host.CountRowsAsync($"MetricEvents WHERE TenantId = {caller.TenantId}"),
         await _host.CountRowsAsync($"MetricRollupsHourly WHERE TenantId = {caller.TenantId}"),
         await _host.CountRowsAsync($"MetricRollupsDaily WHERE TenantId = {caller.TenantId}"));

    public static TheoryData<int, int, int, string> OutOfBounds => new()
    {
        { 6, 30, 365, "raw_events_days" },
        { 366, 400, 400, "raw_events_days" },
        { 7, 29, 365, "hourly_rollups_days" },
        { 7, 731, 800, "hourly_rollups_days" },
        { 7, 30, 364, "daily_rollups_days" },
        { 7, 30, 3651, "daily_rollups_days" },
        { 100, 60, 365, "hourly_rollups_days" },
        { 30, 500, 400, "daily_rollups_days" },
    };

    [Theory]
    [MemberData(nameof(OutOfBounds))]
    public async Task Periods_outside_their_bounds_or_out_of_order_are_refused_with_the_field_and_nothing_is_saved(int raw, int hourly, int daily, string field)
    {
        var before = await GetAsync(_short);

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => SetAsync(_short, new RetentionSettings(raw, hourly, daily)));

        Assert.Equal([field], refused.Errors.Keys);
        Assert.Equal(before, await GetAsync(_short));
        Assert.Equal(new RetentionSettings(90, 183, 730), before);
        Assert.Equal(0, await _host.CountRowsAsync("AuditEntries"));
    }

    [Fact]
    public async Task Only_an_admin_with_a_writing_caller_changes_retention()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => SetAsync(_short with { Roles = new HashSet<string> { Roles.Analyst } }, Short));
        await Assert.ThrowsAsync<ForbiddenException>(() => SetAsync(_short with { CanWrite = false }, Short));
        Assert.Equal(new RetentionSettings(90, 183, 730), await GetAsync(_short));
    }

    [Fact]
    public async Task A_change_is_saved_for_that_tenant_only_and_audited_with_before_and_after()
    {
        await SetAsync(_short, Short);

        Assert.Equal(Short, await GetAsync(_short));
        Assert.Equal(new RetentionSettings(90, 183, 730), await GetAsync(_default));
        var audit = await _host.RunAsync(_short, s => s.GetRequiredService<AuditLog>().ListAsync(_short, new AuditQuery(AuditActions.SettingsChanged), CancellationToken.None));
        var entry = Assert.Single(audit.Entries);
        Assert.Equal("admin@short.example", entry.Actor);
        Assert.Equal("""{"raw_events_days":90,"hourly_rollups_days":183,"daily_rollups_days":730}""", entry.Before);
        Assert.Equal("""{"raw_events_days":7,"hourly_rollups_days":30,"daily_rollups_days":365}""", entry.After);
    }

    [Fact]
    public async Task The_job_trims_each_tenant_by_its_own_periods()
    {
        await SetAsync(_short, Short);
        int[] ages = [3, 25, 60, 150, 340];
        await RecordAsync(_short, ages);
        await RecordAsync(_default, ages);
        // Ingest already skips what a tier does not cover: short keeps raw {3}, hourly {3, 25}, daily all;
        // default keeps raw {3, 25, 60}, hourly {3, 25, 60, 150}, daily all. Rollups are a total and a country row per event.
        Assert.Equal((1, 4, 10), await RowsAsync(_short));
        Assert.Equal((3, 8, 10), await RowsAsync(_default));

        _host.Clock.Advance(TimeSpan.FromDays(40));
        var first = await _host.RunAsync(_short, s => s.GetRequiredService<MetricRetention>().TrimAsync(CancellationToken.None));
        var second = await _host.RunAsync(_short, s => s.GetRequiredService<MetricRetention>().TrimAsync(CancellationToken.None));

        // Ages are now 43, 65, 100, 190, 380. Short (7/30/365): no raw, no hourly, daily without the 380-day event.
        // Default (90/183/730): raw {43, 65}, hourly {43, 65, 100}, daily all.
        Assert.Equal((0, 0, 8), await RowsAsync(_short));
        Assert.Equal((2, 6, 10), await RowsAsync(_default));
        Assert.Equal(new MetricRetention.Trimmed(1 + 1, 2 * 2 + 1 * 2, 1 * 2), first);
        Assert.Equal(default, second);
    }

    [Fact]
    public async Task The_planner_picks_tiers_by_the_tenants_own_periods()
    {
        await SetAsync(_short, Short);
        await RecordAsync(_short, 20, 60);
        await RecordAsync(_default, 20, 60);
        var day20 = T0.AddDays(-20);
        var halfHour = (day20.AddMinutes(-10).ToString("yyyy-MM-ddTHH:mm:ssZ"), day20.AddMinutes(20).ToString("yyyy-MM-ddTHH:mm:ssZ"));
        var day60 = T0.AddDays(-60).ToString("yyyy-MM-dd");
        var twoFilters = new Dictionary<string, string> { ["country"] = "DE", ["channel"] = "web" };

        // Inside 90 days the default tenant reads raw events for a range off whole hours; short keeps raw 7 days.
        var raw = await QueryAsync(_default, halfHour.Item1, halfHour.Item2, "day");
        Assert.Equal((MetricTier.Raw, 20.0), (raw.Tier, raw.Summary.Total));
        await Assert.ThrowsAsync<UnprocessableException>(() => QueryAsync(_short, halfHour.Item1, halfHour.Item2, "day"));
        Assert.Equal(MetricTier.Raw, (await QueryAsync(_default, day20.ToString("yyyy-MM-dd"), day20.ToString("yyyy-MM-dd"), "day", twoFilters)).Tier);
        await Assert.ThrowsAsync<UnprocessableException>(() => QueryAsync(_short, day20.ToString("yyyy-MM-dd"), day20.ToString("yyyy-MM-dd"), "day", twoFilters));

        // Hours 60 days back: hourly rollups for the default tenant (183 days), refused for short (30 days).
        var hourly = await QueryAsync(_default, day60, day60, "hour");
        Assert.Equal((MetricTier.Hourly, 60.0), (hourly.Tier, hourly.Summary.Total));
        var refused = await Assert.ThrowsAsync<UnprocessableException>(() => QueryAsync(_short, day60, day60, "hour"));
        Assert.Contains("30 days", refused.Message);

        // Whole days go to the daily rollups for both.
        var daily = await QueryAsync(_short, day60, day60, "day");
        Assert.Equal((MetricTier.Daily, 60.0), (daily.Tier, daily.Summary.Total));
    }

    [Fact]
    public async Task A_lengthened_period_does_not_claim_what_the_shorter_one_already_trimmed()
    {
        // With the installation's 90 raw days, an event 100 days old reaches only the rollups.
        await RecordAsync(_default, 100);
        await SetAsync(_default, new RetentionSettings(365, 730, 3650));
        var day100 = T0.AddDays(-100);
        var (from, to) = (day100.AddMinutes(-10).ToString("yyyy-MM-ddTHH:mm:ssZ"), day100.AddMinutes(20).ToString("yyyy-MM-ddTHH:mm:ssZ"));

        // Raw events are complete only from 90 days back, so this range is refused rather than answered with nothing.
        await Assert.ThrowsAsync<UnprocessableException>(() => QueryAsync(_default, from, to, "day"));

        // From now on raw events are kept longer: an event ingested today is still raw 200 days later.
        await RecordAsync(_default, 0);
        _host.Clock.Advance(TimeSpan.FromDays(200));
        var raw = await QueryAsync(_default, T0.AddMinutes(-10).ToString("yyyy-MM-ddTHH:mm:ssZ"), T0.AddMinutes(20).ToString("yyyy-MM-ddTHH:mm:ssZ"), "day");
        Assert.Equal((MetricTier.Raw, 1), (raw.Tier, raw.Summary.Count));
    }
}
