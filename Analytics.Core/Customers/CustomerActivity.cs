using Analytics.Core.Tenancy;

namespace Analytics.Core.Customers;

/// <summary>
/// One event of a customer, kept for <see cref="CustomerOptions.ActivityRetention"/>: the timeline, the metric
/// conditions of segments and metric queries narrowed to a segment read it. Separate from the raw metric tier so it
/// is clustered by customer and lives as long as the daily rollups.
/// </summary>
public sealed class CustomerActivity : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    /// <summary>The profile's <see cref="CustomerProfile.Id"/>.</summary>
    public long CustomerKey { get; set; }
    /// <summary>UTC ticks of the event.</summary>
    public long Ticks { get; set; }
    public required string Name { get; set; }
    public required string Module { get; set; }
    public double Value { get; set; }
    /// <summary>The dimensions as a JSON object of strings.</summary>
    public string Dimensions { get; set; } = "{}";
}
