using Analytics.Core.Dashboards;

namespace Analytics.Web.Api.Dashboards;

public sealed record WidgetResponse(
    long Id, long DashboardId, string Type, string Title, string Metric, string? Module, string Period, DateOnly? From, DateOnly? To,
    string GroupBy, string Agg, string? By, IReadOnlyDictionary<string, string> Filters, bool HigherIsBetter, WidgetPosition Position, bool FixedPeriod)
{
    public static WidgetResponse Of(Widget w) => new(
        w.Id, w.DashboardId, w.Type, w.Title, w.Metric, w.Module, w.Period, w.From, w.To, w.GroupBy, w.Agg, w.By, w.Filters, w.HigherIsBetter,
        new WidgetPosition(w.X, w.Y, w.W, w.H), w.FixedPeriod);
}
