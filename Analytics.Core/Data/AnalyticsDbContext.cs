using Analytics.Core.Customers;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Core.Data;

/// <summary>The one store of the product: identity, tenants and every tenant-owned row.</summary>
public sealed class AnalyticsDbContext(DbContextOptions<AnalyticsDbContext> options, TenantContext tenant)
    : IdentityDbContext<AppUser>(options)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<MetricEvent> MetricEvents => Set<MetricEvent>();
    public DbSet<CustomerProfile> Customers => Set<CustomerProfile>();

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
    }
}
