using Analytics.Core.Data.Demo;
using Analytics.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Analytics.Core.Data;

/// <summary>Brings the database up to date at start-up and writes the demo tenant the first time.</summary>
public sealed partial class DatabaseInitializer(AnalyticsDbContext db, UserDirectory users, DemoSeeder demo, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(bool seedDemo, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            var path = db.Database.GetDbConnection().DataSource;
            if (Path.GetDirectoryName(path) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        }
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await users.EnsureRolesAsync();
        LogReady(logger, db.Database.ProviderName ?? "?");
        if (seedDemo) await demo.SeedAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider})")]
    private static partial void LogReady(ILogger logger, string provider);
}
