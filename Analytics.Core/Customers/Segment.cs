using Analytics.Core.Tenancy;

namespace Analytics.Core.Customers;

/// <summary>A named set of customers defined by rules; its members are kept in <see cref="SegmentMember"/>.</summary>
public sealed class Segment : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    /// <summary>Unique per tenant, such as <c>high-value</c>.</summary>
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>The rules as normalized JSON (see <see cref="SegmentRuleParser"/>).</summary>
    public required string Rules { get; set; }
    /// <summary>One of the four seeded for every tenant: editable, not deletable.</summary>
    public bool BuiltIn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>When the membership was last evaluated over all profiles.</summary>
    public DateTime EvaluatedAt { get; set; }
}
