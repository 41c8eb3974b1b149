using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Core.Data;
using Analytics.Core.Metrics;
using Analytics.Core.Reports;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Analytics.Tests.Operations;

/// <summary>Two app instances on one PostgreSQL database, as two web nodes behind a load balancer.</summary>
[Trait("Category", "Postgres")]
public sealed class TwoNodesOnPostgresTests : IAsyncLifetime
{
    private const string OnlyOnPostgres = "Two nodes need a shared server: runs with ./test.sh --postgres.";

    private Node? _first;
    private Node? _second;

    private sealed class Node : AnalyticsAppFactory
    {
        private readonly string? _connectionString;

        public Node(string? connectionString = null) => _connectionString = connectionString;

        protected override IDictionary<string, string> Settings
        {
            get
            {
                var settings = new Dictionary<string, string>(base.Settings)
                {
                    // Both schedulers look for due reports several times a second, so they race for each occurrence.
                    ["Reports:PollInterval"] = "00:00:00.2",
                    // A day of demo data is enough for the demo users to sign in on either node.
                    ["Seed:Demo:Enabled"] = "true",
                    ["Seed:Demo:Days"] = "1",
                    ["Seed:Demo:Password"] = Analytics.Tests.E2E.BrowserApp.Password,
                    ["Seed:Demo:ApiKey"] = Analytics.Tests.E2E.BrowserApp.ApiKey,
                    ["RateLimits:SignInPermits"] = "10000",
                };
                if (_connectionString is not null) settings["Database:ConnectionString"] = _connectionString;
                return settings;
            }
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (!TestDatabase.UsesPostgres) return;
        _first = new Node();
        _ = _first.Services;
        _second = new Node(_first.ConnectionString);
        // The second node serves a browser on a real port.
        _second.UseKestrel(0);
        _second.StartServer();
        // Each node listens before the test publishes anything.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Feed(_first).Listening.WaitAsync(timeout.Token);
        await Feed(_second).Listening.WaitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        if (_first is not null) await _first.DisposeAsync();
    }

    private static PostgresMetricChangeFeed Feed(Node node) => node.Services.GetRequiredService<PostgresMetricChangeFeed>();

    [Fact]
    public async Task An_event_ingested_on_one_node_reaches_the_subscribers_and_queries_of_the_other()
    {
        Assert.SkipUnless(TestDatabase.UsesPostgres, OnlyOnPostgres);
        var (tenant, key) = await _first!.CreateTenantAsync("two-nodes");
        var heard = new TaskCompletionSource<MetricChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _second!.Services.GetRequiredService<IMetricChangeFeed>().Subscribe(tenant.Id, change =>
        {
            heard.TrySetResult(change);
            return Task.CompletedTask;
        });
        Assert.NotEqual(Feed(_first).NodeId, Feed(_second).NodeId);

        var response = await _first.CreateClient(key).PostAsJsonAsync("/api/two-nodes/metrics",
            new[] { new { name = "order_value", value = 42.5, module = "sales" }, new { name = "order_value", value = 7.5, module = "sales" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(tenant.Id, change.TenantId);
        Assert.Equal(["order_value"], change.Names);
        using var query = JsonDocument.Parse(await _second.CreateClient(key).GetStringAsync("/api/two-nodes/metrics?name=order_value&group_by=day"));
        Assert.Equal(50, query.RootElement.GetProperty("summary").GetProperty("total").GetDouble());
        Assert.Equal(2, query.RootElement.GetProperty("summary").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_node_whose_listening_connection_drops_listens_again_and_hears_later_changes()
    {
        Assert.SkipUnless(TestDatabase.UsesPostgres, OnlyOnPostgres);
        var (tenant, key) = await _first!.CreateTenantAsync("reconnect");
        await using var connection = await TestDatabase.ConnectAsync(_first.ConnectionString);
        var dropped = await ListenersAsync(connection, terminate: true);
        Assert.Equal(2, dropped.Count);

        // Both nodes open a new listening connection (new server processes) and run LISTEN on it.
        List<int> listening = [];
        for (var wait = 0; wait < 100 && listening.Count < 2; wait++)
        {
            await Task.Delay(100);
            listening = (await ListenersAsync(connection, terminate: false)).Where(pid => !dropped.Contains(pid)).ToList();
        }
        Assert.Equal(2, listening.Count);
        var heard = new TaskCompletionSource<MetricChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _second!.Services.GetRequiredService<IMetricChangeFeed>().Subscribe(tenant.Id, change =>
        {
            heard.TrySetResult(change);
            return Task.CompletedTask;
        });

        var response = await _first.CreateClient(key).PostAsJsonAsync("/api/reconnect/metrics", new { name = "order_count", value = 1, module = "fulfillment" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        Assert.Equal(["order_count"], (await heard.Task.WaitAsync(TimeSpan.FromSeconds(15))).Names);
    }

    /// <summary>Server process ids of the change-feed connections of this database that have run LISTEN, optionally ended.</summary>
    private static async Task<List<int>> ListenersAsync(System.Data.Common.DbConnection connection, bool terminate)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT pid, {(terminate ? "pg_terminate_backend(pid)" : "true")} FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = '{PostgresMetricChangeFeed.ListenerName}' AND query LIKE 'LISTEN%'
            """;
        var pids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) pids.Add(reader.GetInt32(0));
        return pids;
    }

    [Fact]
    public async Task A_scheduled_report_due_on_both_nodes_runs_once()
    {
        Assert.SkipUnless(TestDatabase.UsesPostgres, OnlyOnPostgres);
        var (tenant, _) = await _first!.CreateTenantAsync("two-schedulers");
        var caller = new Caller(tenant.Id, tenant.Slug, null, new HashSet<string> { Roles.Admin }, true);
        long definitionId;
        await using (var scope = _first.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenant.Id);
            var report = await scope.ServiceProvider.GetRequiredService<ReportService>().CreateAsync(caller,
                new ReportInput("Nightly orders", Metrics: ["order_count"], Format: "json",
                    Schedule: new ReportScheduleInput("daily", Time: "03:00"), Filters: new ReportFiltersInput("yesterday")),
                CancellationToken.None);
            definitionId = report.Definition.Id;
        }

        // Make the occurrence due now on both nodes: their scheduler jobs and extra passes race for it.
        await using (var scope = _first.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            await db.ReportDefinitions.IgnoreQueryFilters().Where(d => d.Id == definitionId)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextRunAt, SuiteClock.Now.UtcDateTime.AddSeconds(-1)));
        }
        await Task.WhenAll(Enumerable.Range(0, 4).SelectMany(_ => new[] { PassAsync(_first), PassAsync(_second!) }));

        var runs = await RunsAsync(definitionId);
        for (var wait = 0; wait < 100 && runs.Any(r => r.Status is ReportRunStatus.Queued or ReportRunStatus.Running); wait++)
        {
            await Task.Delay(200);
            runs = await RunsAsync(definitionId);
        }
        // A second more of both nodes polling changes nothing.
        await Task.Delay(1000);
        runs = await RunsAsync(definitionId);

        var run = Assert.Single(runs);
        Assert.Equal(ReportRunStatus.Succeeded, run.Status);
        Assert.Equal(1, run.Attempts);
    }

    [Fact]
    [Trait("Category", "E2E")]
    public async Task A_dashboard_open_on_one_node_shows_an_event_ingested_on_the_other()
    {
        Assert.SkipUnless(TestDatabase.UsesPostgres, OnlyOnPostgres);
        var metric = "nodes_e2e_" + Guid.NewGuid().ToString("N")[..8];
        var api = _first!.CreateClient(Analytics.Tests.E2E.BrowserApp.ApiKey);
        var created = await api.PostAsync("/api/demo/dashboards", new StringContent($$"""
            { "name": "Across nodes", "shared_with": ["admin"],
              "widgets": [ { "type": "kpi_card", "title": "Orders across nodes", "metric": "{{metric}}", "module": "fulfillment",
                             "period": "today", "agg": "sum", "position": { "x": 0, "y": 0, "w": 4, "h": 2 } } ] }
            """, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dashboardId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/demo/metrics", new { name = metric, value = 5, module = "fulfillment" })).StatusCode);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _second!.ClientOptions.BaseAddress.ToString() });
        try
        {
            await page.GotoAsync("/account/login");
            await page.FillAsync("#email", "admin@demo.local");
            await page.FillAsync("#password", Analytics.Tests.E2E.BrowserApp.Password);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
            await page.GotoAsync($"/dashboards/{dashboardId}");
            await Analytics.Tests.E2E.BrowserApp.WaitForInteractiveAsync(page);
            var value = page.Locator("[data-testid=kpi-value]");
            await Assertions.Expect(value).ToHaveTextAsync("5", new() { Timeout = 20_000 });

            // Ingest on the first node; the page on the second node redraws the card without a reload.
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/demo/metrics", new { name = metric, value = 37, module = "fulfillment" })).StatusCode);

            await Assertions.Expect(value).ToHaveTextAsync("42", new() { Timeout = 15_000 });
            await page.ScreenshotAsync(new() { Path = Analytics.Tests.E2E.BrowserApp.ScreenshotPath("two-nodes-dashboard") });
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Analytics.Tests.E2E.BrowserApp.ScreenshotPath("two-nodes-dashboard-failure") });
            throw;
        }
    }

    private static async Task PassAsync(Node node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReportScheduler>().TickAsync(CancellationToken.None);
    }

    private async Task<List<ReportRun>> RunsAsync(long definitionId)
    {
        await using var scope = _second!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>().ReportRuns.IgnoreQueryFilters()
            .Where(r => r.DefinitionId == definitionId).AsNoTracking().ToListAsync();
    }
}
