using System.Text.Json;
using Analytics.Core.Customers;
using Analytics.Core.Dashboards;
using Analytics.Core.Insights;
using Analytics.Core.Kpis;
using Analytics.Core.Metrics;
using Analytics.Core.Reports;
using Analytics.Core.Tenancy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Analytics.Core.Data;

/// <summary>The one store of the product: identity, tenants and every tenant-owned row.</summary>
public sealed class AnalyticsDbContext(DbContextOptions<AnalyticsDbContext> options, TenantContext tenant)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect sign-in cookies and antiforgery tokens, shared by every node of the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<MetricEvent> MetricEvents => Set<MetricEvent>();
    public DbSet<CustomerProfile> Customers => Set<CustomerProfile>();
    public DbSet<CustomerActivity> CustomerActivity => Set<CustomerActivity>();
    public DbSet<CustomerSettlement> CustomerSettlements => Set<CustomerSettlement>();
    public DbSet<Segment> Segments => Set<Segment>();
    public DbSet<SegmentMember> SegmentMembers => Set<SegmentMember>();
    public DbSet<Dashboard> Dashboards => Set<Dashboard>();
    public DbSet<Widget> Widgets => Set<Widget>();
    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();
    public DbSet<TenantMetricDefinition> MetricDefinitions => Set<TenantMetricDefinition>();
    public DbSet<TenantModule> TenantModules => Set<TenantModule>();
    public DbSet<Anomaly> Anomalies => Set<Anomaly>();
    public DbSet<Admin.AuditEntry> AuditEntries => Set<Admin.AuditEntry>();
    public DbSet<ReportDefinition> ReportDefinitions => Set<ReportDefinition>();
    public DbSet<ReportRun> ReportRuns => Set<ReportRun>();
    public DbSet<ReportFile> ReportFiles => Set<ReportFile>();

    /// <summary>Read by the query filters; a scope without a tenant sees no tenant-owned rows.</summary>
    private int CurrentTenantId => tenant.TenantId ?? 0;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Tenant>(e =>
        {
            e.HasIndex(t => t.Slug).IsUnique();
            e.Property(t => t.Slug).HasMaxLength(64);
            e.Property(t => t.Name).HasMaxLength(200);
            e.Property(t => t.TimeZone).HasMaxLength(64);
            e.Property(t => t.Currency).HasMaxLength(3);
            e.Ignore(t => t.Zone);
            e.OwnsOne(t => t.Retention);
            e.Navigation(t => t.Retention).IsRequired();
        });

        builder.Entity<AppUser>(e =>
        {
            e.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Restrict);
            e.Property(u => u.DisplayName).HasMaxLength(200);
        });

        builder.Entity<Admin.AuditEntry>(e =>
        {
            e.HasIndex(a => new { a.TenantId, a.At });
            e.Property(a => a.ActorId).HasMaxLength(64);
            e.Property(a => a.Actor).HasMaxLength(256);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.Target).HasMaxLength(400);
            e.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(a => a.TenantId == CurrentTenantId);
        });

        builder.Entity<ApiKey>(e =>
        {
            e.HasIndex(k => k.Hash).IsUnique();
            e.Property(k => k.Name).HasMaxLength(200);
            e.Property(k => k.Prefix).HasMaxLength(16);
            e.Property(k => k.Hash).HasMaxLength(64);
            e.Property(k => k.Role).HasMaxLength(32);
            e.Property(k => k.Scope).HasConversion<string>().HasMaxLength(8);
            e.HasOne<Tenant>().WithMany().HasForeignKey(k => k.TenantId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(k => k.TenantId == CurrentTenantId);
        });

        builder.Entity<MetricEvent>(e =>
        {
            e.ToTable("MetricEvents");
            e.Property(m => m.Name).HasMaxLength(100);
            e.Property(m => m.Module).HasMaxLength(50);
            e.Property(m => m.CustomerId).HasMaxLength(128);
            e.Property(m => m.Timestamp).HasConversion(t => t.Ticks, t => new DateTime(t, DateTimeKind.Utc));
            e.HasIndex(m => new { m.TenantId, m.Name, m.Timestamp });
            e.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(m => m.TenantId == CurrentTenantId);
        });

        builder.Entity<CustomerProfile>(e =>
        {
            e.ToTable("Customers");
            e.HasIndex(c => new { c.TenantId, c.ExternalId }).IsUnique();
            e.Property(c => c.ExternalId).HasMaxLength(128);
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Email).HasMaxLength(254);
            e.Property(c => c.Country).HasMaxLength(2);
            e.Property(c => c.FirstSeen).HasConversion(t => t.Ticks, t => new DateTime(t, DateTimeKind.Utc));
            e.Property(c => c.LastSeen).HasConversion(t => t.Ticks, t => new DateTime(t, DateTimeKind.Utc));
            // Hundredths in an integer: SQLite compares and sums it exactly, and sorts by it in an index.
            e.Property(c => c.Ltv).HasColumnName("LtvCents").HasConversion(v => (long)Math.Round(v * 100m, MidpointRounding.AwayFromZero), v => v / 100m);
            e.HasIndex(c => new { c.TenantId, c.Ltv });
            e.HasIndex(c => new { c.TenantId, c.LastSeen });
            e.HasIndex(c => new { c.TenantId, c.EngagementScore });
            e.HasIndex(c => new { c.TenantId, c.Name });
            e.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(c => c.TenantId == CurrentTenantId);
        });

        builder.Entity<CustomerSettlement>(e =>
        {
            e.ToTable("CustomerSettlement");
            e.Property(s => s.Id).ValueGeneratedNever();
        });

        builder.Entity<CustomerActivity>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(100);
            e.Property(a => a.Module).HasMaxLength(50);
            // A customer's page of the timeline, and its events in a window by module, are one range of this index. It
            // leads with the customer (whose key names its tenant) so it also serves the foreign key, and ingest keeps
            // two B-trees per row up to date instead of three.
            e.HasIndex(a => new { a.CustomerKey, a.Ticks, a.Module, a.TenantId });
            e.HasOne<CustomerProfile>().WithMany().HasForeignKey(a => a.CustomerKey).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(a => a.TenantId == CurrentTenantId);
        });

        builder.Entity<Segment>(e =>
        {
            e.HasIndex(s => new { s.TenantId, s.Name }).IsUnique();
            e.Property(s => s.Name).HasMaxLength(64);
            e.Property(s => s.Description).HasMaxLength(500);
            e.Property(s => s.Rules).HasMaxLength(8000);
            e.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(s => s.TenantId == CurrentTenantId);
        });

        builder.Entity<SegmentMember>(e =>
        {
            e.HasKey(m => new { m.TenantId, m.SegmentId, m.CustomerKey });
            e.HasIndex(m => new { m.TenantId, m.CustomerKey });
            e.HasOne<Segment>().WithMany().HasForeignKey(m => m.SegmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<CustomerProfile>().WithMany().HasForeignKey(m => m.CustomerKey).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(m => m.TenantId == CurrentTenantId);
        });

        builder.Entity<Dashboard>(e =>
        {
            e.Property(d => d.Name).HasMaxLength(200);
            e.Property(d => d.Description).HasMaxLength(1000);
            e.Property(d => d.OwnerId).HasMaxLength(64);
            e.Property(d => d.SharedWith).HasConversion(
                roles => string.Join(',', roles),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), l => l.Aggregate(0, (h, r) => HashCode.Combine(h, r)), l => l.ToList()))
                .HasMaxLength(200);
            e.HasIndex(d => new { d.TenantId, d.UpdatedAt });
            e.HasMany(d => d.Widgets).WithOne().HasForeignKey(w => w.DashboardId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(d => d.TenantId == CurrentTenantId);
        });

        builder.Entity<Widget>(e =>
        {
            e.Property(w => w.Type).HasMaxLength(20);
            e.Property(w => w.Title).HasMaxLength(200);
            e.Property(w => w.Metric).HasMaxLength(100);
            e.Property(w => w.Module).HasMaxLength(50);
            e.Property(w => w.Period).HasMaxLength(16);
            e.Property(w => w.GroupBy).HasMaxLength(16);
            e.Property(w => w.Agg).HasMaxLength(8);
            e.Property(w => w.By).HasMaxLength(64);
            e.Property(w => w.Filters).HasConversion(
                filters => JsonSerializer.Serialize(filters, (JsonSerializerOptions?)null),
                json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, (JsonSerializerOptions?)null) ?? new(),
                new ValueComparer<Dictionary<string, string>>((a, b) => a!.Count == b!.Count && !a.Except(b).Any(), d => d.Count, d => new(d)));
            e.HasIndex(w => new { w.TenantId, w.Id });
            e.HasQueryFilter(w => w.TenantId == CurrentTenantId);
        });

        builder.Entity<TenantMetricDefinition>(e =>
        {
            e.ToTable("MetricDefinitions");
            e.HasIndex(d => new { d.TenantId, d.Name }).IsUnique();
            e.Property(d => d.Name).HasMaxLength(100);
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Aggregate).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Unit).HasMaxLength(Metrics.MetricDefinitions.MaxUnitLength);
            e.Property(d => d.Module).HasMaxLength(64);
            e.Property(d => d.Description).HasMaxLength(Metrics.MetricDefinitions.MaxDescriptionLength);
            e.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(d => d.TenantId == CurrentTenantId);
        });

        builder.Entity<TenantModule>(e =>
        {
            e.HasIndex(m => new { m.TenantId, m.Name }).IsUnique();
            e.Property(m => m.Name).HasMaxLength(64);
            e.Property(m => m.Description).HasMaxLength(200);
            e.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(m => m.TenantId == CurrentTenantId);
        });

        builder.Entity<ExchangeRate>(e =>
        {
            e.HasIndex(r => new { r.TenantId, r.Currency }).IsUnique();
            e.Property(r => r.Currency).HasMaxLength(3);
            e.Property(r => r.Rate).HasPrecision(18, 8);
            e.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(r => r.TenantId == CurrentTenantId);
        });

        builder.Entity<Anomaly>(e =>
        {
            e.HasIndex(a => new { a.TenantId, a.Metric, a.Day }).IsUnique();
            e.HasIndex(a => new { a.TenantId, a.DetectedAt });
            e.Property(a => a.Metric).HasMaxLength(100);
            e.Property(a => a.Description).HasMaxLength(300);
            e.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(a => a.TenantId == CurrentTenantId);
        });

        builder.Entity<ReportDefinition>(e =>
        {
            e.Property(d => d.Name).HasMaxLength(200);
            e.Property(d => d.Format).HasConversion<string>().HasMaxLength(8);
            e.Property(d => d.Modules).HasConversion(StringList()).Metadata.SetValueComparer(StringListComparer());
            e.Property(d => d.Metrics).HasConversion(StringList()).Metadata.SetValueComparer(StringListComparer());
            e.Property(d => d.EmailTo).HasConversion(StringList()).Metadata.SetValueComparer(StringListComparer());
            e.Property(d => d.Dimensions).HasConversion(
                filters => JsonSerializer.Serialize(filters, (JsonSerializerOptions?)null),
                json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, (JsonSerializerOptions?)null) ?? new(),
                new ValueComparer<Dictionary<string, string>>((a, b) => a!.Count == b!.Count && !a.Except(b).Any(), d => d.Count, d => new(d)));
            e.Property(d => d.DateRange).HasMaxLength(20);
            e.Property(d => d.Module).HasMaxLength(50);
            e.Property(d => d.Segment).HasMaxLength(64);
            e.Property(d => d.GroupBy).HasMaxLength(16);
            e.Property(d => d.Frequency).HasMaxLength(16);
            e.Property(d => d.Day).HasMaxLength(16);
            e.Property(d => d.Time).HasMaxLength(5);
            e.Property(d => d.Cron).HasMaxLength(120);
            e.Property(d => d.OwnerId).HasMaxLength(64);
            e.Property(d => d.NextRunAt).HasConversion(Utc());
            e.Property(d => d.CreatedAt).HasConversion(Utc());
            e.Property(d => d.UpdatedAt).HasConversion(Utc());
            e.HasIndex(d => d.NextRunAt);
            e.HasIndex(d => new { d.TenantId, d.Name });
            e.HasMany<ReportRun>().WithOne().HasForeignKey(r => r.DefinitionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(d => d.TenantId == CurrentTenantId);
        });

        builder.Entity<ReportRun>(e =>
        {
            e.HasIndex(r => r.RunKey).IsUnique();
            e.HasIndex(r => new { r.TenantId, r.DefinitionId, r.Id });
            e.HasIndex(r => new { r.Status, r.Id });
            e.HasIndex(r => new { r.Delivery, r.NextDeliveryAt });
            e.HasIndex(r => r.QueuedAt);
            e.Property(r => r.RunKey).HasMaxLength(100);
            e.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Delivery).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Error).HasMaxLength(2000);
            e.Property(r => r.DeliveryError).HasMaxLength(2000);
            e.Property(r => r.PeriodLabel).HasMaxLength(200);
            e.Property(r => r.FileName).HasMaxLength(200);
            e.Property(r => r.ContentType).HasMaxLength(100);
            e.Property(r => r.ReferenceAt).HasConversion(Utc());
            e.Property(r => r.QueuedAt).HasConversion(Utc());
            e.Property(r => r.StartedAt).HasConversion(Utc());
            e.Property(r => r.FinishedAt).HasConversion(Utc());
            e.Property(r => r.NextDeliveryAt).HasConversion(Utc());
            e.HasOne<ReportFile>().WithOne().HasForeignKey<ReportFile>(f => f.RunId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(r => r.TenantId == CurrentTenantId);
        });

        builder.Entity<ReportFile>(e =>
        {
            e.HasKey(f => f.RunId);
            e.HasQueryFilter(f => f.TenantId == CurrentTenantId);
        });

        if (Database.IsNpgsql()) Postgres.PostgresStore.UseLowerCaseNames(builder);
    }

    private static ValueConverter<List<string>, string> StringList() =>
        new(list => string.Join(',', list), text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList());

    private static ValueComparer<List<string>> StringListComparer() =>
        new((a, b) => a!.SequenceEqual(b!), l => l.Aggregate(0, (h, r) => HashCode.Combine(h, r)), l => l.ToList());

    /// <summary>SQLite gives dates back without a kind; these are all UTC.</summary>
    private static ValueConverter<DateTime, DateTime> Utc() => new(t => t, t => DateTime.SpecifyKind(t, DateTimeKind.Utc));
}
