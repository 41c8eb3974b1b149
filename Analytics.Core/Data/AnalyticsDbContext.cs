using System.Text.Json;
using Analytics.Core.Customers;
using Analytics.Core.Dashboards;
using Analytics.Core.Insights;
using Analytics.Core.Kpis;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Analytics.Core.Data;

/// <summary>The one store of the product: identity, tenants and every tenant-owned row.</summary>
public sealed class AnalyticsDbContext(DbContextOptions<AnalyticsDbContext> options, TenantContext tenant)
    : IdentityDbContext<AppUser>(options)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<MetricEvent> MetricEvents => Set<MetricEvent>();
    public DbSet<CustomerProfile> Customers => Set<CustomerProfile>();
    public DbSet<Dashboard> Dashboards => Set<Dashboard>();
    public DbSet<Widget> Widgets => Set<Widget>();
    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();
    public DbSet<Anomaly> Anomalies => Set<Anomaly>();

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
        });

        builder.Entity<AppUser>(e =>
        {
            e.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Restrict);
            e.Property(u => u.DisplayName).HasMaxLength(200);
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
            e.HasIndex(m => new { m.TenantId, m.CustomerId, m.Timestamp }).HasFilter("CustomerId IS NOT NULL");
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
            e.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(c => c.TenantId == CurrentTenantId);
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
    }
}
