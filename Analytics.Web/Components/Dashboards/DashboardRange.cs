using Analytics.Core.Dashboards;
using Analytics.Core.Metrics;

namespace Analytics.Web.Components.Dashboards;

/// <summary>A dashboard-wide time range that overrides each widget's own period: a named period, or custom dates.</summary>
public sealed record DashboardRange(string Period, DateOnly? From = null, DateOnly? To = null)
{
    public static IReadOnlyList<(string Period, string Label)> Presets => MetricPeriod.Labels;

    public string Label => MetricPeriod.Label(Period, From, To);

    /// <summary>The range as the period every widget of the dashboard then covers.</summary>
    public WidgetPeriod AsWidgetPeriod() => new(Period, From, To);
}
