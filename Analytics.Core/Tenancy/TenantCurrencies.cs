using Analytics.Core.Data;
using Analytics.Core.Kpis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Tenancy;

/// <summary>
/// The exchange rates a tenant's amounts are converted with when they are stored (customer lifetime value): the
/// rates the tenant's admin set (see <see cref="ExchangeRateService"/>, the same ones KPIs convert with), or, for a
/// tenant that has set none, the installation's defaults (<c>ExchangeRates</c> settings).
/// </summary>
public sealed class TenantCurrencies(AnalyticsDbContext db, TenantDirectory tenants, IOptions<ExchangeRateOptions> options)
{
    public async Task<CurrencyTable> ForTenantAsync(int tenantId, CancellationToken ct)
    {
        var tenant = await tenants.GetAsync(tenantId, ct);
        var own = await db.Set<ExchangeRate>().IgnoreQueryFilters().AsNoTracking().Where(r => r.TenantId == tenantId)
            .ToDictionaryAsync(r => r.Currency, r => r.Rate, StringComparer.OrdinalIgnoreCase, ct);
        if (own.Count == 0) return new CurrencyTable(tenant.Currency, new Dictionary<string, decimal>(options.Value.Rates, StringComparer.OrdinalIgnoreCase));
        own[tenant.Currency] = 1m;
        return new CurrencyTable(tenant.Currency, own);
    }
}
