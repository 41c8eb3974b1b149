using Analytics.Core.Dashboards;

namespace Analytics.Web.Api.Dashboards;

public sealed record DashboardListResponse(IReadOnlyList<DashboardSummary> Dashboards);
