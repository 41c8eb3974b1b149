namespace Analytics.Core.Kpis;

/// <summary>
/// Converts amounts into one target currency by a tenant's rates. Amounts without a currency, or in a currency the
/// tenant keeps no rate for, count as the tenant's own currency.
/// </summary>
public sealed class CurrencyConverter(ExchangeRates rates, string target)
{
    public string Target { get; } = target;

    public string BaseCurrency => rates.BaseCurrency;

    /// <summary>What one unit of <paramref name="currency"/> is worth in <see cref="Target"/>.</summary>
    public double Factor(string? currency)
    {
        var to = (double)rates.Rates[Target];
        var from = currency is not null && rates.Rates.TryGetValue(currency.ToLowerInvariant(), out var r) ? (double)r : 1.0;
        return to / from;
    }
}
