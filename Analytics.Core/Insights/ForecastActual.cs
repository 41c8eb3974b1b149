namespace Analytics.Core.Insights;

/// <summary>One past bucket the model learnt from.</summary>
public sealed record ForecastActual(string Period, double Actual);
