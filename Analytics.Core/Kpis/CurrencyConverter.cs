namespace Analytics.Core.Kpis;

/// <summary>
/// Converts amounts into one target currency by a tenant's rates. Amounts without a currency count as the tenant's
/// own; an amount in a currency the tenant keeps no rate for cannot be converted.
/// </summary>
public sealed class CurrencyConverter(ExchangeRates rates, string target)
{
    public string Target { get; } = target;

    public string BaseCurrency => rates.BaseCurrency;

    /// <summary>What one unit of <paramref name="currency"/> (the tenant's own when null) is worth in <see cref="Target"/>; null without a rate.</summary>
    public double? Factor(string? currency)
    {
        var to = (double)rates.Rates[Target];
        if (string.IsNullOrEmpty(currency)) return to;
        return rates.Rates.TryGetValue(currency.ToLowerInvariant(), out var from) ? to / (double)from : null;
    }

    /// <summary>What one unit of the tenant's own currency is worth in <see cref="Target"/>.</summary>
    public double FromBase => (double)rates.Rates[Target];
}
