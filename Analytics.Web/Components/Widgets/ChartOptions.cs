using System.Globalization;
using Analytics.Core.Metrics;
using Analytics.Web.Components.Layout;

namespace Analytics.Web.Components.Widgets;

/// <summary>Builds ApexCharts options for our widget types in the theme's colours.</summary>
public static class ChartOptions
{
    public static object Line(MetricSeries series, string seriesName, ChartPalette palette, bool area = false) => new
    {
        valueFormat = "number",
        chart = new { type = area ? "area" : "line", height = "100%", zoom = new { enabled = false }, foreColor = palette.MutedText },
        theme = new { mode = palette.Dark ? "dark" : "light" },
        colors = palette.Series,
        series = new[]
        {
            new
            {
                name = seriesName,
                data = series.Data.Select(p => new object?[] { new DateTimeOffset(p.StartUtc).ToUnixTimeMilliseconds(), p.Value }).ToArray(),
            },
        },
        stroke = new { curve = "smooth", width = 2 },
        dataLabels = new { enabled = false },
        grid = new { borderColor = palette.Grid, strokeDashArray = 3 },
        xaxis = new { type = "datetime", labels = new { datetimeUTC = false } },
        yaxis = new { forceNiceScale = true, labels = new { minWidth = 40 } },
        tooltip = new { theme = palette.Dark ? "dark" : "light", x = new { format = "dd MMM yyyy" } },
        legend = new { show = false },
    };

    public static object Sparkline(MetricSeries series, ChartPalette palette, string color) => new
    {
        chart = new { type = "area", height = 90, sparkline = new { enabled = true } },
        colors = new[] { color },
        series = new[] { new { name = series.Query.Name, data = series.Data.Select(p => p.Value ?? 0).ToArray() } },
        stroke = new { curve = "smooth", width = 2 },
        fill = new { opacity = 0.25 },
        tooltip = new { enabled = false },
    };

    /// <summary>A short human figure: 1 234, 12.3k, 4.5M.</summary>
    public static string Compact(double? value)
    {
        if (value is not { } v) return "–";
        var abs = Math.Abs(v);
        return abs switch
        {
            >= 1_000_000_000 => (v / 1_000_000_000).ToString("0.##", CultureInfo.InvariantCulture) + "B",
            >= 1_000_000 => (v / 1_000_000).ToString("0.##", CultureInfo.InvariantCulture) + "M",
            >= 10_000 => (v / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + "k",
            >= 100 => v.ToString("#,0", CultureInfo.InvariantCulture),
            _ => v.ToString("0.##", CultureInfo.InvariantCulture),
        };
    }
}
