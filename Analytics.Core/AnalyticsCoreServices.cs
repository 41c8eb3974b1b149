using Analytics.Core.Customers;
using Analytics.Core.Dashboards;
using Analytics.Core.Data;
using Analytics.Core.Data.Demo;
using Analytics.Core.Insights;
using Analytics.Core.Kpis;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Analytics.Core;

public static class AnalyticsCoreServices
{
    /// <summary>Registers the store and every Core service; <paramref name="contentRoot"/> anchors a relative SQLite path.</summary>
    public static IServiceCollection AddAnalyticsCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section))
            .Validate(o => o.Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase), "Database:Provider must be Sqlite.")
            .ValidateOnStart();
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section))
            .Validate(o => o.MaxEvents > 0 && o.MaxBytes > 0, "Ingest limits must be positive.")
            .ValidateOnStart();
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section))
            .Validate(o => o.RawEvents > TimeSpan.Zero && o.RawEvents <= o.HourlyRollups && o.HourlyRollups <= o.DailyRollups,
                "Retention periods must be positive and grow from raw events to hourly to daily rollups.")
            .Validate(o => o.Interval > TimeSpan.Zero && o.BatchSize > 0, "Retention:Interval and Retention:BatchSize must be positive.")
            .ValidateOnStart();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section))
            .Validate(o => o.Days is > 0 and <= 730, "Seed:Demo:Days must be 1 to 730.")
            .ValidateOnStart();

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = AnchorSqlitePath(database.ConnectionString, contentRoot);
        services.AddDbContext<AnalyticsDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas()));

        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Identity:MaxFailedAccessAttempts", 5);
                o.Lockout.DefaultLockoutTimeSpan = configuration.GetValue("Identity:LockoutDuration", TimeSpan.FromMinutes(5));
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AnalyticsDbContext>()
            .AddClaimsPrincipalFactory<AppUserClaimsFactory>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<TenantContext>();
        services.AddScoped<TenantDirectory>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<MetricStore>();
        services.AddScoped<Reports.ReportRenderer>();
        services.AddScoped<MetricRetention>();
        services.AddHostedService<MetricRetentionJob>();
        services.AddScoped<MetricIngestService>();
        services.TryAddSingleton<IMetricChangeFeed, InProcessMetricChangeFeed>();
        services.AddScoped<CustomerDirectory>();
        services.AddScoped<DashboardService>();
        services.AddScoped<MetricQueryService>();
        services.AddScoped<ExchangeRateService>();
        services.AddScoped<KpiReader>();
        services.AddScoped<CustomerBase>();
        services.AddScoped<RevenueKpis>();
        services.AddScoped<SalesKpis>();
        services.AddScoped<ProductKpis>();
        services.AddScoped<CustomerKpis>();
        services.AddScoped<InventoryKpis>();
        services.AddScoped<HrKpis>();
        services.AddScoped<SupportKpis>();
        services.AddScoped<MarketingKpis>();
        services.AddScoped<KpiFigures>();
        services.AddScoped<ForecastService>();
        services.AddOptions<AnomalyOptions>().Bind(configuration.GetSection(AnomalyOptions.Section))
            .Validate(o => o.LookbackDays is > 0 and <= 730, "Anomalies:LookbackDays must be 1 to 730.")
            .ValidateOnStart();
        services.AddScoped<AnomalyDetector>();
        services.AddScoped<AnomalyService>();
        services.TryAddSingleton<AnomalyAlerts>();
        services.TryAddSingleton<IAnomalyNotifier, LoggedAnomalyNotifier>();
        services.AddHostedService<AnomalyDetectionJob>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    private static string AnchorSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && !Path.IsPathRooted(source))
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, source));
        return builder.ToString();
    }
}
