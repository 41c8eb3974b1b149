using Analytics.Core.Customers;
using Analytics.Core.Dashboards;
using Analytics.Core.Data;
using Analytics.Core.Data.Postgres;
using Analytics.Core.Data.Demo;
using Analytics.Core.Insights;
using Analytics.Core.Kpis;
using Analytics.Core.Metrics;
using Analytics.Core.Reports;
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
            .Validate(o => o.IsKnownProvider(), "Database:Provider must be Sqlite or Postgres.")
            .ValidateOnStart();
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section))
            .Validate(o => o.MaxEvents > 0 && o.MaxBytes > 0, "Ingest limits must be positive.")
            .ValidateOnStart();
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section))
            .Validate(o => o.RawEvents > TimeSpan.Zero && o.RawEvents <= o.HourlyRollups && o.HourlyRollups <= o.DailyRollups,
                "Retention periods must be positive and grow from raw events to hourly to daily rollups.")
            .Validate(o => o.Interval > TimeSpan.Zero && o.BatchSize > 0, "Retention:Interval and Retention:BatchSize must be positive.")
            .ValidateOnStart();
        services.AddOptions<CustomerOptions>().Bind(configuration.GetSection(CustomerOptions.Section))
            .Validate(o => o.EngagementWindow > TimeSpan.Zero && o.ActivityRetention >= TimeSpan.FromDays(1) && o.SettleDelay >= TimeSpan.Zero,
                "Customers:EngagementWindow, ActivityRetention and SettleDelay must be positive.")
            .Validate(o => o.RecencyWeight >= 0 && o.FrequencyWeight >= 0 && o.BreadthWeight >= 0 && o.RecencyWeight + o.FrequencyWeight + o.BreadthWeight > 0,
                "Customers engagement weights must be 0 or more and not all 0.")
            .Validate(o => o.FrequencyTarget > 0 && o.BreadthTarget > 0, "Customers:FrequencyTarget and BreadthTarget must be positive.")
            .Validate(o => o.NightlyAt >= TimeSpan.Zero && o.NightlyAt < TimeSpan.FromDays(1), "Customers:NightlyAt is a time of day.")
            .ValidateOnStart();
        services.AddOptions<ExchangeRateOptions>().Bind(configuration.GetSection(ExchangeRateOptions.Section))
            .Validate(o => o.Rates.Count > 0 && o.Rates.Values.All(r => r > 0) && o.Rates.ContainsKey(o.Base), "ExchangeRates:Rates must be positive and include the base currency.")
            .ValidateOnStart();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section))
            .Validate(o => o.Days is > 0 and <= 730, "Seed:Demo:Days must be 1 to 730.")
            .ValidateOnStart();

        services.AddOptions<ReportsOptions>().Bind(configuration.GetSection(ReportsOptions.Section))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.RunTimeout > TimeSpan.Zero && o.DeliveryRetryDelay > TimeSpan.Zero,
                "Reports:PollInterval, RunTimeout and DeliveryRetryDelay must be positive.")
            .Validate(o => o.MaxRunAttempts > 0 && o.MaxDeliveryAttempts > 0 && o.MaxAttachmentBytes >= 0, "Reports attempt limits must be positive.")
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), "Reports:PublicBaseUrl must be an absolute URL.")
            .ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section))
            .PostConfigure(o => o.PickupFolder = Path.GetFullPath(Path.Combine(contentRoot, o.PickupFolder)))
            .Validate(o => o.Port is > 0 and < 65536, "Smtp:Port must be 1 to 65535.")
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.From, out _), "Smtp:From must be an email address, optionally with a name.")
            .Validate(o => o.Timeout > TimeSpan.Zero, "Smtp:Timeout must be positive.")
            .ValidateOnStart();

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.UsesPostgres())
        {
            services.AddDbContext<AnalyticsDbContext>(o => PostgresStore.Configure(o, database.ConnectionString));
            // Changes reach the dashboards of every node over LISTEN/NOTIFY.
            services.TryAddSingleton<InProcessMetricChangeFeed>();
            services.TryAddSingleton<PostgresMetricChangeFeed>();
            services.TryAddSingleton<IMetricChangeFeed>(sp => sp.GetRequiredService<PostgresMetricChangeFeed>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresMetricChangeFeed>());
        }
        else
        {
            var connectionString = AnchorSqlitePath(database.ConnectionString, contentRoot);
            services.AddSingleton<SqliteCheckpoints>();
            services.AddSingleton<SqlitePragmas>();
            services.AddDbContext<AnalyticsDbContext>((sp, o) => o.UseSqlite(connectionString).AddInterceptors(sp.GetRequiredService<SqlitePragmas>()));
            services.AddHostedService<SqliteCheckpointJob>();
        }

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
        services.AddMetrics();
        services.AddSingleton<AnalyticsInstruments>();
        services.AddScoped<TenantContext>();
        services.AddScoped<DatabaseBackup>();
        services.AddScoped<Admin.AuditLog>();
        services.AddScoped<Admin.UserAdministration>();
        services.AddScoped<Admin.KeyAdministration>();
        services.AddScoped<Admin.TenantSettingsService>();
        services.AddScoped<RetentionSettingsService>();
        services.AddScoped<TenantDirectory>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<MetricStore>();
        services.AddSingleton<MetricWriteQueue>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddScoped<Reports.ReportRenderer>();
        services.AddScoped<Reports.ReportContentBuilder>();
        services.AddScoped<Reports.ReportExportService>();
        services.AddScoped<Dashboards.WidgetQuery>();
        services.AddScoped<Reports.DashboardPdfService>();
        services.AddOptions<Reports.ReportRenderingOptions>().Bind(configuration.GetSection(Reports.ReportRenderingOptions.Section))
            .Validate(o => o.XlsxStreamingThreshold >= 0 && o.PdfFontFamilies().Count > 0, "ReportRendering:XlsxStreamingThreshold must be 0 or more and PdfFonts name a family.")
            .ValidateOnStart();
        services.AddScoped<MetricRetention>();
        services.AddHostedService<MetricRetentionJob>();
        services.AddScoped<MetricIngestService>();
        services.TryAddSingleton<IMetricChangeFeed, InProcessMetricChangeFeed>();
        services.AddScoped<TenantCurrencies>();
        services.AddScoped<CustomerDirectory>();
        services.AddScoped<SegmentDirectory>();
        services.AddScoped<SegmentActivityReader>();
        services.AddScoped<CustomerMaintenance>();
        services.AddHostedService<CustomerNightlyJob>();
        services.AddSingleton<CustomerSettler>();
        services.AddHostedService<CustomerSettlerJob>();
        services.AddScoped<DashboardService>();
        services.AddScoped<MetricQueryService>();
        services.AddScoped<MetricDefinitions>();
        services.AddScoped<ModuleDirectory>();
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
        services.AddScoped<KpiAreas>();
        services.AddScoped<KpiFigures>();
        services.AddScoped<KpiExportService>();
        services.AddScoped<ForecastService>();
        services.AddOptions<AnomalyOptions>().Bind(configuration.GetSection(AnomalyOptions.Section))
            .Validate(o => o.LookbackDays is > 0 and <= 730, "Anomalies:LookbackDays must be 1 to 730.")
            .ValidateOnStart();
        services.AddScoped<AnomalyDetector>();
        services.AddScoped<AnomalyService>();
        services.TryAddSingleton<AnomalyAlerts>();
        services.TryAddScoped<IAnomalyNotifier, MailedAnomalyNotifier>();
        services.AddHostedService<AnomalyDetectionJob>();
        services.TryAddSingleton<ReportQueue>();
        services.AddSingleton<MailTransport>();
        services.AddScoped<ReportService>();
        services.AddScoped<ReportSpecBuilder>();
        services.AddScoped<ReportRunner>();
        services.AddScoped<ReportMailer>();
        services.AddScoped<ReportScheduler>();
        services.AddScoped<ReportRetention>();
        services.AddHostedService<ReportSchedulerJob>();
        services.AddScoped<DemoReports>();
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
