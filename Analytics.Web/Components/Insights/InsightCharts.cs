using System.Globalization;
using Analytics.Core.Insights;
using Analytics.Core.Kpis;
using Analytics.Core.Metrics;
using Analytics.Web.Components.Layout;

namespace Analytics.Web.Components.Insights;

/// <summary>
/// ApexCharts options for the Insights page in the theme's colours: period columns, the sales funnel, categories and the
/// forecast band. On the page a chart is given its height in pixels: "100%" of a box that grows with the chart (a grid
/// row shared with a taller neighbour) would grow on every redraw. Dashboard tiles have a fixed height and use "100%".
/// </summary>
public static class InsightCharts
{
    /// <summary>Columns per period for the first series, a line for each further one; plain numbers.</summary>
    public static object Periods(IReadOnlyList<string> periods, ChartPalette palette, int height, params (string Name, IEnumerable<double?> Values)[] series) =>
        Periods(periods, palette, height, FigureFormat.Plain, series);

    /// <summary>Columns per period for the first series, a line for each further one, all in one unit (amounts in a currency).</summary>
    public static object Periods(IReadOnlyList<string> periods, ChartPalette palette, int height, FigureFormat format, params (string Name, IEnumerable<double?> Values)[] series) => new
    {
        valueFormat = format.ForChart,
        chart = new { type = "line", height, zoom = new { enabled = false }, foreColor = palette.MutedText },
        theme = new { mode = palette.Dark ? "dark" : "light" },
        colors = palette.Series,
        series = series.Select((s, i) => new { name = s.Name, type = i == 0 ? "column" : "line", data = s.Values.ToArray() }).ToArray(),
        stroke = new { width = series.Select((_, i) => i == 0 ? 0 : 3).ToArray(), curve = "smooth" },
        plotOptions = new { bar = new { borderRadius = 2, columnWidth = "60%" } },
        dataLabels = new { enabled = false },
        grid = new { borderColor = palette.Grid, strokeDashArray = 3 },
        xaxis = new { type = "category", categories = periods, labels = new { rotate = -45, hideOverlappingLabels = true } },
        yaxis = new { forceNiceScale = true, labels = new { minWidth = 40 } },
        tooltip = new { theme = palette.Dark ? "dark" : "light", shared = true },
        legend = new { show = series.Length > 1, position = "top", horizontalAlign = "left" },
    };

    /// <summary>The five stages as a funnel: one centred bar per stage, widest at the leads.</summary>
    public static object Funnel(IReadOnlyList<FunnelStage> funnel, ChartPalette palette, int height) => new
    {
        valueFormat = "number",
        labelFormat = "category",
        chart = new { type = "bar", height, foreColor = palette.MutedText },
        theme = new { mode = palette.Dark ? "dark" : "light" },
        colors = new[] { palette.Series[0] },
        series = new[] { new { name = "Deals", data = funnel.Select(s => s.Count).ToArray() } },
        plotOptions = new { bar = new { horizontal = true, isFunnel = true, borderRadius = 0, barHeight = "80%" } },
        dataLabels = new { enabled = true, style = new { colors = new[] { palette.Dark ? "#111" : "#fff" } } },
        xaxis = new { categories = funnel.Select(s => s.Stage).ToArray() },
        grid = new { show = false },
        tooltip = new { theme = palette.Dark ? "dark" : "light" },
        legend = new { show = false },
    };

    /// <summary>Horizontal bars, one per category, largest first, in <paramref name="format"/> (plain numbers by default).</summary>
    public static object Categories(IReadOnlyList<(string Label, double Value)> items, string name, ChartPalette palette, int height, FigureFormat? format = null) => new
    {
        valueFormat = (format ?? FigureFormat.Plain).ForChart,
        chart = new { type = "bar", height, foreColor = palette.MutedText },
        theme = new { mode = palette.Dark ? "dark" : "light" },
        colors = new[] { palette.Series[1 % palette.Series.Count] },
        series = new[] { new { name, data = items.Select(i => i.Value).ToArray() } },
        plotOptions = new { bar = new { horizontal = true, borderRadius = 2, barHeight = "70%" } },
        dataLabels = new { enabled = false },
        grid = new { borderColor = palette.Grid, strokeDashArray = 3 },
        xaxis = new { categories = items.Select(i => i.Label).ToArray() },
        tooltip = new { theme = palette.Dark ? "dark" : "light" },
        legend = new { show = false },
    };

    /// <summary>
    /// History as a line, the prediction as a dashed line and its interval as a shaded band. The prediction and the band
    /// both start at the last actual point (a band of zero width there), so the three read as one continuous chart.
    /// </summary>
    public static object Forecast(ForecastResult result, ChartPalette palette, int? height = null)
    {
        var last = result.History.Count > 0 ? result.History[^1] : null;
        return new
        {
            valueFormat = (result.Currency is { } currency ? FigureFormat.Money(currency) : FigureFormat.Plain).ForChart,
            chart = new { type = "rangeArea", height = height is { } px ? (object)px : "100%", zoom = new { enabled = false }, foreColor = palette.MutedText },
            theme = new { mode = palette.Dark ? "dark" : "light" },
            colors = new[] { palette.Series[1 % palette.Series.Count], palette.Series[0], palette.Series[1 % palette.Series.Count] },
            series = new object[]
            {
                new { name = $"{(int)Math.Round(result.IntervalLevel * 100)}% interval", type = "rangeArea",
                    data = (last is null ? [] : new[] { new { x = Milliseconds(last.Period), y = new[] { last.Actual, last.Actual } } })
                        .Concat(result.Forecast.Select(f => new { x = Milliseconds(f.Period), y = new[] { f.ConfidenceLow, f.ConfidenceHigh } })).ToArray() },
                new { name = "Actual", type = "line", data = result.History.Select(h => new { x = Milliseconds(h.Period), y = (double?)h.Actual }).ToArray() },
                new { name = "Forecast", type = "line",
                    data = (last is null ? [] : new[] { new { x = Milliseconds(last.Period), y = (double?)last.Actual } })
                        .Concat(result.Forecast.Select(f => new { x = Milliseconds(f.Period), y = (double?)f.Predicted })).ToArray() },
            },
            fill = new { opacity = new[] { 0.25, 1, 1 } },
            stroke = new { curve = "straight", width = new[] { 0, 2, 2 }, dashArray = new[] { 0, 0, 6 } },
            dataLabels = new { enabled = false },
            grid = new { borderColor = palette.Grid, strokeDashArray = 3 },
            xaxis = new { type = "datetime", labels = new { datetimeUTC = true } },
            yaxis = new { forceNiceScale = true, labels = new { minWidth = 40 } },
            tooltip = new { theme = palette.Dark ? "dark" : "light", shared = false, x = new { format = result.Granularity switch { "month" => "MMM yyyy", "quarter" => "MMM yyyy", _ => "dd MMM yyyy" } } },
            legend = new { show = true, position = "top", horizontalAlign = "left" },
        };
    }

    /// <summary>The start of a bucket labelled as the metric store labels them (2026-03-19, 2026-03, 2026-Q1), as epoch milliseconds.</summary>
    public static long Milliseconds(string period)
    {
        var date = period.Length == 7 && period[4] == '-' && period[5] == 'Q'
            ? new DateTime(int.Parse(period[..4], CultureInfo.InvariantCulture), (period[6] - '1') * 3 + 1, 1, 0, 0, 0, DateTimeKind.Utc)
            : period.Length == 7
                ? DateTime.ParseExact(period, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
                : DateTime.ParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return new DateTimeOffset(date, TimeSpan.Zero).ToUnixTimeMilliseconds();
    }
}
