using Analytics.Core.Insights;

namespace Analytics.Web.Api.Insights;

/// <summary>One finding with seed 000's names, plus its id, day and score.</summary>
public sealed record AnomalyResponse(
    long Id,
    string Metric,
    AnomalySeverity Severity,
    DateTime DetectedAt,
    double Expected,
    double Actual,
    double Deviation,
    string Description,
    DateOnly Day,
    double Score)
{
    public static AnomalyResponse Of(Anomaly a) => new(a.Id, a.Metric, a.Severity, DateTime.SpecifyKind(a.DetectedAt, DateTimeKind.Utc),
        a.Expected, a.Actual, a.Deviation, a.Description, a.Day, a.Score);
}
