using Analytics.Core.Tenancy;

namespace Analytics.Core.Kpis;

/// <summary>How many units of <see cref="Currency"/> one unit of the tenant's own currency buys.</summary>
public sealed class ExchangeRate : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    /// <summary>Lower-case ISO 4217 code, such as <c>eur</c>.</summary>
    public required string Currency { get; set; }
    public decimal Rate { get; set; }
    public DateTime UpdatedAt { get; set; }
}
