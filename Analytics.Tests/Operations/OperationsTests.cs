using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Analytics.Core;
using Analytics.Tests.Infrastructure;
using Analytics.Web.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Operations;

public sealed class OperationsTests(AnalyticsAppFactory app) : IClassFixture<AnalyticsAppFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task Health_endpoints_answer_healthy(string path)
    {
        var response = await app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task While_the_app_checkpoints_in_the_background_its_connections_leave_the_WAL_to_it()
    {
        Assert.SkipWhen(TestDatabase.UsesPostgres, TestDatabase.SqliteOnly);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Analytics.Core.Data.AnalyticsDbContext>();
        Assert.True(scope.ServiceProvider.GetRequiredService<Analytics.Core.Data.SqliteCheckpoints>().InBackground);
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint";
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);

        // Without the job (a command-line run, the Core test host) SQLite checkpoints as usual.
        await using var core = new CoreHost();
        await using var plain = core.Scope();
        var other = plain.ServiceProvider.GetRequiredService<Analytics.Core.Data.AnalyticsDbContext>();
        await other.Database.OpenConnectionAsync();
        await using var check = other.Database.GetDbConnection().CreateCommand();
        check.CommandText = "PRAGMA wal_autocheckpoint";
        Assert.Equal(1000L, (long)(await check.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Backup_writes_a_database_that_holds_what_was_recorded_and_never_overwrites()
    {
        Assert.SkipWhen(TestDatabase.UsesPostgres, TestDatabase.SqliteOnly);
        var (_, key) = await app.CreateTenantAsync("backup-co");
        var events = Enumerable.Range(1, 50).Select(i => new { name = "order_value", value = i, module = "sales" });
        Assert.Equal(HttpStatusCode.Created, (await app.CreateClient(key).PostAsJsonAsync("/api/backup-co/metrics", events)).StatusCode);
        var folder = Directory.CreateTempSubdirectory("analytics-backup-");
        var target = Path.Combine(folder.FullName, "nightly", "copy.db");
        try
        {
            var (exit, output, _) = await RunAsync("backup", target);
            Assert.Equal(0, exit);
            Assert.Contains(target, output);

            await using (var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False"))
            {
                await copy.OpenAsync();
                await using var count = copy.CreateCommand();
                count.CommandText = "SELECT count(*), sum(Value) FROM MetricEvents e JOIN Tenants t ON t.Id = e.TenantId WHERE t.Slug = 'backup-co'";
                await using var reader = await count.ExecuteReaderAsync();
                Assert.True(await reader.ReadAsync());
                Assert.Equal(50, reader.GetInt64(0));
                Assert.Equal(1275, reader.GetDouble(1));
            }

            var again = await RunAsync("backup", target);
            Assert.Equal(1, again.Exit);
            Assert.Contains("never overwrites", again.Error);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    [Trait("Category", "Postgres")]
    public async Task Backup_on_postgres_refuses_and_points_to_pg_dump()
    {
        Assert.SkipUnless(TestDatabase.UsesPostgres, "Runs against PostgreSQL only (./test.sh --postgres).");
        var target = Path.Combine(Path.GetTempPath(), $"analytics-backup-{Guid.NewGuid():N}.db");

        var (exit, _, error) = await RunAsync("backup", target);

        Assert.Equal(1, exit);
        Assert.Contains("pg_dump", error);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Ingest_and_queries_are_counted_on_the_analytics_meter()
    {
        var measured = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AnalyticsInstruments.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var tier = tags.ToArray().FirstOrDefault(t => t.Key == "tier").Value;
            var name = instrument.Name + (tier is null ? "" : $"/{tier}");
            lock (measured) measured[name] = measured.GetValueOrDefault(name) + value;
        });
        listener.Start();
        var (_, key) = await app.CreateTenantAsync("metered");
        var client = app.CreateClient(key);

        var events = Enumerable.Range(1, 7).Select(i => new { name = "ticket_opened", value = 1, module = "support" });
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/metered/metrics", events)).StatusCode);
        var today = SuiteClock.Today.ToString("yyyy-MM-dd");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/metered/metrics?name=ticket_opened&from={today}&to={today}&group_by=day")).StatusCode);

        lock (measured)
        {
            Assert.True(measured.GetValueOrDefault("analytics.ingest.events") >= 7);
            Assert.True(measured.GetValueOrDefault("analytics.ingest.batches") >= 1);
            Assert.True(measured.GetValueOrDefault("analytics.query.tier_hits/daily") >= 1);
        }
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await scope.ServiceProvider.GetRequiredService<AdminCommandLine>().RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
