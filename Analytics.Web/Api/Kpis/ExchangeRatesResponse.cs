using Analytics.Core.Kpis;

namespace Analytics.Web.Api.Kpis;

public sealed record ExchangeRatesResponse(string BaseCurrency, IReadOnlyDictionary<string, decimal> Rates, DateTime? UpdatedAt)
{
    public static ExchangeRatesResponse From(ExchangeRates rates) => new(
        rates.BaseCurrency,
        rates.Currencies.ToDictionary(c => c, c => rates.Rates[c]),
        rates.UpdatedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null);
}
