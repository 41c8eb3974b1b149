using Analytics.Core.Metrics;

namespace Analytics.Core.Kpis;

/// <summary>Campaign and email KPIs; the email rates are per email sent.</summary>
public sealed record MarketingReport(
    double Sent,
    double Opens,
    double Clicks,
    long Conversions,
    long EmailConversions,
    long Unsubscribes,
    double? OpenRate,
    double? ClickRate,
    double? ConversionRate,
    double? UnsubscribeRate,
    decimal Spend,
    decimal? CostPerConversion,
    string Currency,
    IReadOnlyList<CampaignFigures> ByCampaign,
    IReadOnlyList<MarketingPeriod> TimeSeries) : IKpiReport
{
    public IReadOnlyList<MetricProblem> Problems { get; init; } = [];
}
