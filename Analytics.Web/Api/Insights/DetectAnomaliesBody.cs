namespace Analytics.Web.Api.Insights;

/// <summary><c>POST /api/analytics/anomalies/detect</c> takes no fields: an empty body or <c>{}</c>; anything else is refused.</summary>
public sealed record DetectAnomaliesBody;
