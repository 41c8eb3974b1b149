namespace Analytics.Core.Kpis;

/// <summary>A tenant's rates: its own currency (always 1) and the others it has set.</summary>
public sealed record ExchangeRates(string BaseCurrency, IReadOnlyDictionary<string, decimal> Rates, DateTime? UpdatedAt)
{
    /// <summary>The codes amounts can be converted to.</summary>
    public IEnumerable<string> Currencies => Rates.Keys.Order(StringComparer.Ordinal);
}
