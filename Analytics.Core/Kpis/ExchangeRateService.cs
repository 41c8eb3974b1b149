using Analytics.Core.Data;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Kpis;

/// <summary>
/// Keeps each tenant's exchange rates, which every amount is converted with (metric queries, KPIs, exports). A tenant
/// whose admin has set none converts with the installation's defaults (<see cref="ExchangeRateOptions"/>).
/// </summary>
public sealed class ExchangeRateService(AnalyticsDbContext db, TenantDirectory tenants, TimeProvider clock, IOptions<ExchangeRateOptions> defaults)
{
    /// <summary>The rates read in this scope, by tenant: one question converts many series.</summary>
    private readonly Dictionary<int, ExchangeRates> _read = [];

    public async Task<ExchangeRates> GetAsync(Caller caller, CancellationToken ct)
    {
        KpiAccess.EnsureCanRead(caller);
        return await ReadAsync(caller.TenantId, ct);
    }

    /// <summary>Sets rates (admin): each given currency is added or updated; the tenant's own currency stays 1.</summary>
    public async Task<ExchangeRates> SetAsync(Caller caller, IReadOnlyList<ExchangeRateInput> inputs, CancellationToken ct)
    {
        if (!caller.IsInRole(Roles.Admin) || !caller.CanWrite) throw new ForbiddenException("Only an admin sets exchange rates.");
        var tenant = await tenants.GetAsync(caller.TenantId, ct);
        var errors = new Dictionary<string, string[]>();
        if (inputs.Count == 0) errors["rates"] = ["Give at least one rate."];
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (input.Currency is not { Length: 3 } code || !code.All(char.IsAsciiLetter))
                errors[$"rates[{i}].currency"] = ["Use a three-letter ISO 4217 code such as eur."];
            else if (code.Equals(tenant.Currency, StringComparison.OrdinalIgnoreCase) && input.Rate != 1m)
                errors[$"rates[{i}].currency"] = [$"{tenant.Currency} is the tenant's own currency; its rate is 1."];
            if (input.Rate is not { } rate || rate <= 0 || rate > 1_000_000m)
                errors[$"rates[{i}].rate"] = ["A rate is a positive number of units per unit of the tenant's currency."];
        }
        if (inputs.Select(i => i.Currency?.ToLowerInvariant()).Where(c => c is not null).GroupBy(c => c).Any(g => g.Count() > 1))
            errors["rates"] = ["Each currency at most once."];
        if (errors.Count > 0) throw new InvalidInputException(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Set<ExchangeRate>().Where(r => r.TenantId == caller.TenantId).ToDictionaryAsync(r => r.Currency, ct);
        foreach (var input in inputs)
        {
            var code = input.Currency!.ToLowerInvariant();
            if (code == tenant.Currency) continue;
            if (!existing.TryGetValue(code, out var row))
                db.Add(row = new ExchangeRate { TenantId = caller.TenantId, Currency = code });
            row.Rate = input.Rate!.Value;
            row.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        _read.Remove(caller.TenantId);
        return await ReadAsync(caller.TenantId, ct);
    }

    /// <summary>A converter into <paramref name="currency"/> (the tenant's own by default); an unknown code is a field error.</summary>
    public async Task<CurrencyConverter> ConverterAsync(int tenantId, string? currency, CancellationToken ct)
    {
        var rates = await ReadAsync(tenantId, ct);
        var target = string.IsNullOrWhiteSpace(currency) ? rates.BaseCurrency : currency.Trim().ToLowerInvariant();
        if (!rates.Rates.ContainsKey(target))
            throw new InvalidInputException("currency", $"Unknown currency; this tenant has rates for {string.Join(", ", rates.Currencies)}.");
        return new CurrencyConverter(rates, target);
    }

    private async Task<ExchangeRates> ReadAsync(int tenantId, CancellationToken ct)
    {
        if (_read.TryGetValue(tenantId, out var known)) return known;
        var tenant = await tenants.GetAsync(tenantId, ct);
        var rows = await db.Set<ExchangeRate>().IgnoreQueryFilters().AsNoTracking().Where(r => r.TenantId == tenantId).ToListAsync(ct);
        var rates = rows.Count > 0 ? rows.ToDictionary(r => r.Currency, r => r.Rate) : Defaults(tenant.Currency);
        rates[tenant.Currency] = 1m;
        return _read[tenantId] = new ExchangeRates(tenant.Currency, rates, rows.Count == 0 ? null : rows.Max(r => r.UpdatedAt));
    }

    /// <summary>The installation's rates, restated per unit of <paramref name="currency"/>; none but its own when they do not know it.</summary>
    private Dictionary<string, decimal> Defaults(string currency)
    {
        var all = defaults.Value.Rates;
        if (!all.TryGetValue(currency, out var own)) return [];
        return all.ToDictionary(r => r.Key.ToLowerInvariant(), r => r.Value / own);
    }
}
