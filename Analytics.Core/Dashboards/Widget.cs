using Analytics.Core.Tenancy;

namespace Analytics.Core.Dashboards;

/// <summary>One tile of a dashboard: what it shows (a metric query) and where it sits on the 12-column grid.</summary>
public sealed class Widget : ITenantOwned
{
    public long Id { get; set; }
    public long DashboardId { get; set; }
    public int TenantId { get; set; }
    /// <summary>One of <see cref="WidgetTypes.All"/>.</summary>
    public required string Type { get; set; }
    public required string Title { get; set; }
    public required string Metric { get; set; }
    public string? Module { get; set; }
    /// <summary>One of the named periods, or <c>custom</c> with <see cref="From"/> and <see cref="To"/>.</summary>
    public string Period { get; set; } = "30d";
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    /// <summary>Keeps <see cref="Period"/> when the dashboard's time range is changed (a "today" card on a quarter's dashboard).</summary>
    public bool FixedPeriod { get; set; }
    public string GroupBy { get; set; } = "day";
    public string Agg { get; set; } = "sum";
    /// <summary>The breakdown dimension, e.g. <c>country</c> for a map.</summary>
    public string? By { get; set; }
    public Dictionary<string, string> Filters { get; set; } = [];
    /// <summary>Whether a rise is good news; colours KPI changes.</summary>
    public bool HigherIsBetter { get; set; } = true;
    public int X { get; set; }
    public int Y { get; set; }
    public int W { get; set; } = 4;
    public int H { get; set; } = 3;
}
