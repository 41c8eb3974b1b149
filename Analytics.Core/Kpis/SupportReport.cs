using Analytics.Core.Metrics;

namespace Analytics.Core.Kpis;

/// <summary>Helpdesk KPIs: tickets opened and resolved, the open backlog at the window's end, resolution, first response and CSAT.</summary>
public sealed record SupportReport(
    long Opened,
    long Resolved,
    long Backlog,
    double? AvgResolutionHours,
    double? AvgFirstResponseMinutes,
    double? Csat,
    long CsatResponses,
    IReadOnlyList<ChannelSupport> ByChannel,
    IReadOnlyList<SupportPeriod> TimeSeries) : IKpiReport
{
    public IReadOnlyList<MetricProblem> Problems { get; init; } = [];
}
