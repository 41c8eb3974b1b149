using Analytics.Core.Metrics;

namespace Analytics.Core.Dashboards;

/// <summary>The period a widget shows: one of <see cref="MetricPeriod.All"/>, or <c>custom</c> from one date to another.</summary>
public sealed record WidgetPeriod(string Period, DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>What people read: "Last 90 days", or the custom dates.</summary>
    public string Label => MetricPeriod.Label(Period, From, To);
}
