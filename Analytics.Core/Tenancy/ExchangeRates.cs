using Microsoft.Extensions.Options;

namespace Analytics.Core.Tenancy;

/// <summary>
/// The exchange rates a tenant's figures are converted with. Today one fixed table from settings serves every tenant;
/// per-tenant rates replace the body of <see cref="ForTenantAsync"/> and nothing else.
/// </summary>
public sealed class ExchangeRates(TenantDirectory tenants, IOptions<ExchangeRateOptions> options)
{
    public async Task<CurrencyTable> ForTenantAsync(int tenantId, CancellationToken ct)
    {
        var tenant = await tenants.GetAsync(tenantId, ct);
        return new CurrencyTable(tenant.Currency, new Dictionary<string, decimal>(options.Value.Rates, StringComparer.OrdinalIgnoreCase));
    }
}
