using Analytics.Core;
using Analytics.Core.Data;
using Analytics.Core.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Tests.Infrastructure;

/// <summary>The real Core services on a real database (a SQLite file, or PostgreSQL with --postgres), with a clock the test can move.</summary>
public sealed class CoreHost : IAsyncDisposable
{
    private readonly TestDatabase _database = new();
    private readonly ServiceProvider _services;

    public CoreHost(DateTimeOffset? now = null, IDictionary<string, string?>? settings = null)
    {
        Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = TestDatabase.Provider,
                ["Database:ConnectionString"] = _database.ConnectionString,
                ["Seed:Demo:Enabled"] = "false",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddAnalyticsCore(configuration, Path.GetTempPath());
        _services = services.BuildServiceProvider(validateScopes: true);
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: false, CancellationToken.None).GetAwaiter().GetResult();
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>The test's database, for a second host on the same database.</summary>
    public string ConnectionString => _database.ConnectionString;

    /// <summary>A new scope, as one request or job has, bound to no tenant yet.</summary>
    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    /// <summary>Runs <paramref name="work"/> in a fresh scope bound to the caller's tenant.</summary>
    public async Task<T> RunAsync<T>(Caller caller, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Scope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(caller.TenantId);
        return await work(scope.ServiceProvider);
    }

    public async Task<Caller> CreateTenantAsync(string slug, string timeZone = "UTC", string role = Roles.Admin, bool canWrite = true)
    {
        await using var scope = Scope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().CreateAsync(slug, timeZone: timeZone);
        return new Caller(tenant.Id, tenant.Slug, null, new HashSet<string> { role }, canWrite);
    }

    /// <summary>Rows in a table, all tenants together: to check that a refused write left nothing behind.</summary>
    public async Task<long> CountRowsAsync(string table)
    {
        await using var connection = await TestDatabase.ConnectAsync(_database.ConnectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _database.Dispose();
    }
}
