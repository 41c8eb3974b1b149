using Analytics.Core.Data;
using Analytics.Core.Data.Postgres;
using Analytics.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Tests.Core.Data;

/// <summary>
/// Each provider has its own migrations: a model change needs one in both sets (docs/operations.md, "PostgreSQL").
/// Comparing the model with each set's snapshot needs no server.
/// </summary>
public sealed class ProviderMigrationsTests
{
    [Fact]
    public void The_sqlite_migrations_cover_the_model()
    {
        using var db = new AnalyticsDbContext(new DbContextOptionsBuilder<AnalyticsDbContext>().UseSqlite("Data Source=:memory:").Options, new TenantContext());

        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add NAME --project Analytics.Core --startup-project Analytics.Core --output-dir Data/Migrations");
    }

    [Fact]
    public void The_postgres_migrations_cover_the_model()
    {
        var options = new DbContextOptionsBuilder<AnalyticsDbContext>();
        PostgresStore.Configure(options, "Host=127.0.0.1;Database=unused");
        using var db = new AnalyticsDbContext(options.Options, new TenantContext());

        Assert.False(db.Database.HasPendingModelChanges(),
            "Add a migration: dotnet ef migrations add NAME --project Analytics.Migrations.Postgres --startup-project Analytics.Migrations.Postgres --output-dir Migrations");
        Assert.NotEmpty(db.Database.GetMigrations());
    }
}
