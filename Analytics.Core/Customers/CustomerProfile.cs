using Analytics.Core.Tenancy;

namespace Analytics.Core.Customers;

/// <summary>A customer of a tenant, known by the external id that events carry as <c>customer_id</c>; kept indefinitely.</summary>
public sealed class CustomerProfile : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public required string ExternalId { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public string? Country { get; set; }
    /// <summary>Free attributes as a JSON object of strings.</summary>
    public string Attributes { get; set; } = "{}";
    public DateTime FirstSeen { get; set; }
    public DateTime LastSeen { get; set; }
}
