using Analytics.Core.Insights;

namespace Analytics.Web.Api.Insights;

public sealed record AnomaliesResponse(IReadOnlyList<AnomalyResponse> Anomalies)
{
    public static AnomaliesResponse Of(IEnumerable<Anomaly> anomalies) => new(anomalies.Select(AnomalyResponse.Of).ToList());
}
