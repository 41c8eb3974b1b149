namespace Analytics.Web.Components.Dashboards;

/// <summary>A dashboard-wide time range that overrides each widget's own period: a named period, or custom dates.</summary>
public sealed record DashboardRange(string Period, DateOnly? From = null, DateOnly? To = null)
{
    public static readonly IReadOnlyList<(string Period, string Label)> Presets =
    [
        ("today", "Today"), ("yesterday", "Yesterday"), ("7d", "Last 7 days"), ("30d", "Last 30 days"), ("90d", "Last 90 days"),
        ("mtd", "Month to date"), ("qtd", "Quarter to date"), ("ytd", "Year to date"), ("12m", "Last 12 months"),
    ];

    public string Label => Period == "custom" ? $"{From:yyyy-MM-dd} – {To:yyyy-MM-dd}" : Presets.FirstOrDefault(p => p.Period == Period).Label ?? Period;
}
