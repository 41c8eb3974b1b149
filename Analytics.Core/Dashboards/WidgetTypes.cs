namespace Analytics.Core.Dashboards;

/// <summary>The widget types of seed 004, with their wire names.</summary>
public static class WidgetTypes
{
    public const string LineChart = "line_chart";
    public const string BarChart = "bar_chart";
    public const string PieChart = "pie_chart";
    public const string DonutChart = "donut_chart";
    public const string AreaChart = "area_chart";
    public const string KpiCard = "kpi_card";
    public const string DataTable = "data_table";
    public const string GeoMap = "geo_map";

    public static readonly IReadOnlyList<string> All = [LineChart, BarChart, PieChart, DonutChart, AreaChart, KpiCard, DataTable, GeoMap];

    /// <summary>Types that show shares or categories of one dimension and need a breakdown.</summary>
    public static bool NeedsBreakdown(string type) => type is BarChart or PieChart or DonutChart or GeoMap;
}
