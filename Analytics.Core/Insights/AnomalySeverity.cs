namespace Analytics.Core.Insights;

/// <summary>How far a day strays from its baseline; thresholds in <see cref="AnomalyRule"/> and docs/insights.md.</summary>
public enum AnomalySeverity
{
    Low = 1,
    Medium = 2,
    High = 3,
}
