using Analytics.Core.Tenancy;

namespace Analytics.Core.Customers;

/// <summary>
/// A customer of a tenant, known by the external id that events carry as <c>customer_id</c>; kept indefinitely.
/// Its figures are kept up to date by each ingested event, so they never need a full recomputation.
/// </summary>
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
    /// <summary>UTC; stored as ticks so range conditions compare integers.</summary>
    public DateTime FirstSeen { get; set; }
    public DateTime LastSeen { get; set; }
    /// <summary>Lifetime value in the tenant currency: revenue minus refunds; stored in hundredths.</summary>
    public decimal Ltv { get; set; }
    public int OrderCount { get; set; }
    /// <summary>0–100, see <see cref="CustomerOptions"/> for the formula.</summary>
    public int EngagementScore { get; set; }
}
