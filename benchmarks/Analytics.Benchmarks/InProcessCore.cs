using Analytics.Core;
using Analytics.Core.Data;
using Analytics.Core.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Benchmarks;

/// <summary>The real Core services on a SQLite file, built as the app builds them, with the clock fixed at one instant.</summary>
public sealed class InProcessCore : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private InProcessCore(ServiceProvider services, string connectionString)
    {
        _services = services;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<InProcessCore> StartAsync(string databasePath, DateTimeOffset now, IReadOnlyDictionary<string, string?> settings, CancellationToken ct)
    {
        var connectionString = $"Data Source={databasePath}";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:ConnectionString"] = connectionString,
                ["Seed:Demo:Enabled"] = "false",
            })
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(new FixedClock(now));
        services.AddAnalyticsCore(configuration, Path.GetTempPath());
        var provider = services.BuildServiceProvider(validateScopes: true);
        await using (var scope = provider.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: false, ct);
        return new InProcessCore(provider, connectionString);
    }

    /// <summary>A new scope bound to no tenant yet, as a start-up job has.</summary>
    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    /// <summary>A new scope, as one request has, bound to the caller's tenant.</summary>
    public AsyncServiceScope Scope(Caller caller)
    {
        var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(caller.TenantId);
        return scope;
    }

    public async Task<Caller> CreateTenantAsync(string slug, CancellationToken ct)
    {
        await using var scope = _services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().CreateAsync(slug, timeZone: "UTC", ct: ct);
        return new Caller(tenant.Id, tenant.Slug, null, new HashSet<string> { Roles.Admin }, CanWrite: true);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
