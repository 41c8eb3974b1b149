namespace Analytics.Core.Insights;

/// <summary>How one day compares with its baseline; <see cref="Severity"/> is null when it is not an anomaly.</summary>
public readonly record struct AnomalyVerdict(double Expected, double Spread, double Score, double Deviation, AnomalySeverity? Severity);
