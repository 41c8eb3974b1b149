using Analytics.Core.Tenancy;

namespace Analytics.Core.Customers;

/// <summary>A customer currently in a segment.</summary>
public sealed class SegmentMember : ITenantOwned
{
    public int TenantId { get; set; }
    public long SegmentId { get; set; }
    public long CustomerKey { get; set; }
}
