using Analytics.Core.Data;
using Analytics.Core.Data.Postgres;
using Analytics.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Analytics.Migrations.Postgres;

/// <summary>
/// Lets <c>dotnet ef migrations add NAME --project Analytics.Migrations.Postgres --startup-project Analytics.Migrations.Postgres</c>
/// build the PostgreSQL model without a server.
/// </summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<AnalyticsDbContext>
{
    public AnalyticsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AnalyticsDbContext>();
        PostgresStore.Configure(options, "Host=localhost;Database=analytics_design");
        return new AnalyticsDbContext(options.Options, new TenantContext());
    }
}
