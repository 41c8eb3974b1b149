namespace Analytics.Core.Kpis;

/// <summary>One rate as a caller sets it: units of <paramref name="Currency"/> per unit of the tenant's currency.</summary>
public sealed record ExchangeRateInput(string? Currency, decimal? Rate);
