namespace Analytics.Core.Tenancy;

/// <summary>Converts amounts into one tenant's currency; a snapshot of the rates in force when it was made.</summary>
public sealed class CurrencyTable(string tenantCurrency, IReadOnlyDictionary<string, decimal> unitsPerBase)
{
    public string TenantCurrency { get; } = tenantCurrency.ToLowerInvariant();

    public bool IsKnown(string currency) => unitsPerBase.ContainsKey(currency.ToLowerInvariant());

    /// <summary>The amount in the tenant currency; false when either currency has no rate.</summary>
    public bool TryConvert(decimal amount, string? currency, out decimal converted)
    {
        var from = string.IsNullOrEmpty(currency) ? TenantCurrency : currency.ToLowerInvariant();
        if (from == TenantCurrency)
        {
            converted = amount;
            return true;
        }
        if (!unitsPerBase.TryGetValue(from, out var fromRate) || !unitsPerBase.TryGetValue(TenantCurrency, out var toRate) || fromRate <= 0)
        {
            converted = 0;
            return false;
        }
        converted = amount / fromRate * toRate;
        return true;
    }
}
