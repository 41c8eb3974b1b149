using System.Text.Json;
using Analytics.Core.Customers;
using Analytics.Core.Dashboards;
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
    public DbSet<CustomerActivity> CustomerActivity => Set<CustomerActivity>();
    public DbSet<Segment> Segments => Set<Segment>();
    public DbSet<SegmentMember> SegmentMembers => Set<SegmentMember>();
    public DbSet<Dashboard> Dashboards => Set<Dashboard>();
    public DbSet<Widget> Widgets => Set<Widget>();

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

        builder.Entity<CustomerActivity>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(100);
            e.Property(a => a.Module).HasMaxLength(50);
            // A customer's page of the timeline, and its events in a window by module, are one range of this index.
            e.HasIndex(a => new { a.TenantId, a.CustomerKey, a.Ticks, a.Module });
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
    }
}
