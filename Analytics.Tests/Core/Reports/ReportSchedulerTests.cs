using Analytics.Core.Metrics;
using Analytics.Core.Reports;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Core.Reports;

public sealed class ReportSchedulerTests
{
    /// <summary>Friday 2026-03-27 12:00 UTC: Berlin changes to summer time two days later.</summary>
    private static readonly DateTimeOffset Friday = new(2026, 3, 27, 12, 0, 0, TimeSpan.Zero);

    private static ReportInput Daily(string time = "08:00") => new("Daily orders", Metrics: ["order_count"], Format: "json",
        Schedule: new ReportScheduleInput("daily", Time: time), Filters: new ReportFiltersInput("yesterday"));

    private static async Task<ReportView> CreateAsync(CoreHost host, Caller caller, ReportInput input) =>
        await host.RunAsync(caller, sp => sp.GetRequiredService<ReportService>().CreateAsync(caller, input, CancellationToken.None));

    private static async Task<ReportScheduler.Pass> TickAsync(CoreHost host)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<ReportScheduler>().TickAsync(CancellationToken.None);
    }

    private static async Task<List<ReportRun>> RunsAsync(CoreHost host, Caller caller) =>
        await host.RunAsync(caller, sp => sp.GetRequiredService<Analytics.Core.Data.AnalyticsDbContext>().ReportRuns.OrderBy(r => r.Id).AsNoTracking().ToListAsync());

    private static async Task RecordAsync(CoreHost host, Caller caller, DateTimeOffset at, double value = 1) =>
        await host.RunAsync(caller, sp => sp.GetRequiredService<MetricIngestService>()
            .RecordAsync(caller, [new MetricEventInput("order_count", value, "fulfillment", Timestamp: at)], CancellationToken.None));


    [Fact]
    public async Task A_daily_report_runs_at_eight_berlin_time_on_both_sides_of_the_change()
    {
        await using var host = new CoreHost(Friday);
        var caller = await host.CreateTenantAsync("dst", "Europe/Berlin");
        var report = await CreateAsync(host, caller, Daily());
        Assert.Equal(new DateTime(2026, 3, 28, 7, 0, 0, DateTimeKind.Utc), report.Definition.NextRunAt);

        var seen = new List<DateTime>();
        for (var hour = 0; hour < 72; hour++)
        {
            host.Clock.Advance(TimeSpan.FromHours(1));
            await TickAsync(host);
        }
        seen.AddRange((await RunsAsync(host, caller)).Select(r => r.ReferenceAt));

        Assert.Equal([new(2026, 3, 28, 7, 0, 0, DateTimeKind.Utc), new(2026, 3, 29, 6, 0, 0, DateTimeKind.Utc), new(2026, 3, 30, 6, 0, 0, DateTimeKind.Utc)], seen);
        Assert.All(await RunsAsync(host, caller), r => Assert.Equal(ReportRunStatus.Succeeded, r.Status));
    }

    [Fact]
    public async Task A_scheduled_run_produces_a_file_of_the_period_before_its_occurrence()
    {
        await using var host = new CoreHost(Friday);
        var caller = await host.CreateTenantAsync("period");
        await RecordAsync(host, caller, new DateTimeOffset(2026, 3, 26, 10, 0, 0, TimeSpan.Zero), 5);
        await RecordAsync(host, caller, new DateTimeOffset(2026, 3, 27, 10, 0, 0, TimeSpan.Zero), 7);
        var report = await CreateAsync(host, caller, Daily("06:00"));

        host.Clock.Advance(TimeSpan.FromDays(1));
        var pass = await TickAsync(host);

        Assert.Equal(new ReportScheduler.Pass(1, 1, 0), pass);
        var run = Assert.Single(await RunsAsync(host, caller));
        Assert.Equal("Yesterday (2026-03-27)", run.PeriodLabel);
        Assert.StartsWith("application/json", run.ContentType, StringComparison.Ordinal);
        Assert.Equal("daily-orders-2026-03-28.json", run.FileName);
        var file = await host.RunAsync(caller, sp => sp.GetRequiredService<ReportService>().DownloadAsync(caller, report.Definition.Id, null, CancellationToken.None));
        Assert.Equal(run.SizeBytes, file.Content.LongLength);
        using var json = System.Text.Json.JsonDocument.Parse(file.Content);
        // The period is the day before the occurrence; the day before that is only the comparison figure.
        var metric = json.RootElement.GetProperty("metrics")[0];
        Assert.Equal([7d], metric.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("value").GetDouble()).Where(v => v != 0));
        Assert.Equal(7, metric.GetProperty("value").GetDouble());
        Assert.Equal(5, metric.GetProperty("previous_value").GetDouble());
    }

    [Fact]
    public async Task Two_schedulers_on_one_database_run_each_occurrence_once()
    {
        await using var first = new CoreHost(Friday);
        await using var second = new CoreHost(Friday, new Dictionary<string, string?> { ["Database:ConnectionString"] = first.ConnectionString });
        var caller = await first.CreateTenantAsync("twins");
        for (var i = 0; i < 5; i++)
            await CreateAsync(first, caller, Daily() with { Name = $"Report {i}", Schedule = new ReportScheduleInput("cron", Cron: $"{i * 7} * * * *") });

        for (var step = 0; step < 6; step++)
        {
            first.Clock.Advance(TimeSpan.FromMinutes(20));
            second.Clock.Advance(TimeSpan.FromMinutes(20));
            await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => new[] { TickAsync(first), TickAsync(second) }));
        }

        var runs = await RunsAsync(first, caller);
        // Two hours of hourly schedules: each of the five reports fires twice.
        Assert.Equal(10, runs.Count);
        Assert.Equal(runs.Count, runs.Select(r => (r.DefinitionId, r.ReferenceAt)).Distinct().Count());
        Assert.All(runs, r => Assert.Equal(ReportRunStatus.Succeeded, r.Status));
        Assert.All(runs, r => Assert.Equal(1, r.Attempts));
    }

    [Fact]
    public async Task After_downtime_only_the_latest_missed_occurrence_runs_and_only_once()
    {
        await using var host = new CoreHost(Friday);
        var caller = await host.CreateTenantAsync("downtime");
        await CreateAsync(host, caller, Daily());

        // Down for four days: the occurrences of the 28th to the 31st are missed.
        host.Clock.Advance(TimeSpan.FromDays(4) + TimeSpan.FromHours(1));
        await TickAsync(host);
        await TickAsync(host);

        var run = Assert.Single(await RunsAsync(host, caller));
        Assert.Equal(new DateTime(2026, 3, 31, 8, 0, 0, DateTimeKind.Utc), run.ReferenceAt);
        var definition = await host.RunAsync(caller, sp => sp.GetRequiredService<ReportService>().GetAsync(caller, run.DefinitionId, CancellationToken.None));
        Assert.Equal(new DateTime(2026, 4, 1, 8, 0, 0, DateTimeKind.Utc), definition.Definition.NextRunAt);
    }

    [Fact]
    public async Task A_run_cut_off_by_a_crash_is_started_again_by_the_next_pass()
    {
        await using var host = new CoreHost(Friday, new Dictionary<string, string?> { ["Reports:RunTimeout"] = "00:10:00" });
        var caller = await host.CreateTenantAsync("crash");
        var report = await CreateAsync(host, caller, Daily() with { Schedule = null });
        // A node claimed the run and died before it finished.
        await host.RunAsync(caller, async sp => await sp.GetRequiredService<Analytics.Core.Data.AnalyticsDbContext>().ReportRuns
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReportRunStatus.Running).SetProperty(r => r.StartedAt, Friday.UtcDateTime).SetProperty(r => r.Attempts, 1)));

        await TickAsync(host);
        Assert.Equal(ReportRunStatus.Running, Assert.Single(await RunsAsync(host, caller)).Status);

        host.Clock.Advance(TimeSpan.FromMinutes(11));
        await TickAsync(host);
        var run = Assert.Single(await RunsAsync(host, caller));
        Assert.Equal(ReportRunStatus.Succeeded, run.Status);
        Assert.Equal(2, run.Attempts);
        Assert.Equal(report.Definition.Id, run.DefinitionId);
    }

    [Fact]
    public async Task A_failed_render_is_a_failed_run_with_its_error_and_no_file()
    {
        await using var host = new CoreHost(Friday);
        var caller = await host.CreateTenantAsync("broken");
        // Hours of a year ago are no longer kept, so the query refuses.
        await CreateAsync(host, caller, Daily() with
        {
            Schedule = null, GroupBy = "hour", Filters = new ReportFiltersInput("custom", new DateOnly(2025, 3, 1), new DateOnly(2026, 3, 1)),
        });

        await TickAsync(host);

        var run = Assert.Single(await RunsAsync(host, caller));
        Assert.Equal(ReportRunStatus.Failed, run.Status);
        Assert.Contains("kept for 183 days", run.Error, StringComparison.Ordinal);
        Assert.Null(run.SizeBytes);
        Assert.Equal(0, await host.CountRowsAsync("ReportFiles"));
    }

    [Fact]
    public async Task Runs_older_than_the_retention_period_are_trimmed_with_their_files()
    {
        await using var host = new CoreHost(Friday);
        var caller = await host.CreateTenantAsync("retention");
        var report = await CreateAsync(host, caller, Daily() with { Schedule = null });
        await TickAsync(host);
        host.Clock.Advance(TimeSpan.FromDays(200));
        await host.RunAsync(caller, sp => sp.GetRequiredService<ReportService>().RunNowAsync(caller, report.Definition.Id, CancellationToken.None));
        await TickAsync(host);
        Assert.Equal(2, await host.CountRowsAsync("ReportFiles"));

        host.Clock.Advance(TimeSpan.FromDays(166));
        await using (var scope = host.Scope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ReportRetention>().TrimAsync(CancellationToken.None));

        var left = Assert.Single(await RunsAsync(host, caller));
        Assert.Equal(Friday.UtcDateTime.AddDays(200), left.QueuedAt);
        Assert.Equal(1, await host.CountRowsAsync("ReportFiles"));
    }
}
