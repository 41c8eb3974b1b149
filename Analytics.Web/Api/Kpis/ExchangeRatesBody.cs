namespace Analytics.Web.Api.Kpis;

/// <summary><c>PUT /api/analytics/exchange-rates</c>: <c>{"rates": {"eur": 0.92, "gbp": 0.79}}</c>.</summary>
public sealed record ExchangeRatesBody(Dictionary<string, decimal>? Rates);
