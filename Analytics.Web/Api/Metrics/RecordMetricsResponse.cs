namespace Analytics.Web.Api.Metrics;

public sealed record RecordMetricsResponse(int Recorded);
