namespace Analytics.Core.Tenancy;

/// <summary>
/// Fixed exchange rates (section <c>ExchangeRates</c>): units of each currency per one unit of <see cref="Base"/>.
/// The defaults for a tenant whose admin has set no rates of its own; <see cref="TenantCurrencies"/> reads them.
/// </summary>
public sealed class ExchangeRateOptions
{
    public const string Section = "ExchangeRates";

    public string Base { get; set; } = "usd";

    public Dictionary<string, decimal> Rates { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["usd"] = 1m,
        ["eur"] = 0.92m,
        ["gbp"] = 0.79m,
        ["cad"] = 1.36m,
        ["aud"] = 1.52m,
        ["jpy"] = 151m,
        ["chf"] = 0.88m,
        ["sek"] = 10.5m,
        ["pln"] = 3.95m,
        ["brl"] = 5.0m,
        ["inr"] = 83m,
        ["mxn"] = 17m,
    };
}
