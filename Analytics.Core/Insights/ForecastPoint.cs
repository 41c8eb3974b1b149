namespace Analytics.Core.Insights;

/// <summary>One future bucket: the prediction and its interval (seed 000's names).</summary>
public sealed record ForecastPoint(string Period, double Predicted, double ConfidenceLow, double ConfidenceHigh);
