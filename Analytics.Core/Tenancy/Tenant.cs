namespace Analytics.Core.Tenancy;

/// <summary>An organisation using the product; every row of its data carries its <see cref="Id"/>.</summary>
public sealed class Tenant
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    /// <summary>IANA zone in which days, months and quarters are counted.</summary>
    public string TimeZone { get; set; } = "UTC";
    public string Currency { get; set; } = "usd";
    public DateTime CreatedAt { get; set; }
    /// <summary>The tenant's own retention periods within the installation's bounds; unset ones follow the installation.</summary>
    public Metrics.TenantRetention Retention { get; set; } = new();

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
