using System.Globalization;
using Analytics.Core.Metrics;
using Analytics.Web.Components.Layout;

namespace Analytics.Web.Components.Widgets;

/// <summary>Builds ApexCharts options for our widget types in the theme's colours.</summary>
public static class ChartOptions
{
    public static object Line(MetricSeries series, string seriesName, ChartPalette palette, bool area = false) => new
    {
        valueFormat = series.Format.ForChart,
        partialPoints = PartialPoints(series),
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
        chart = new { type = "area", height = 70, sparkline = new { enabled = true } },
        colors = new[] { color },
        series = new[] { new { name = series.Query.Name, data = series.Data.Select(p => p.Value ?? 0).ToArray() } },
        stroke = new { curve = "smooth", width = 2 },
        fill = new { opacity = 0.25 },
        tooltip = new { enabled = false },
    };

    /// <summary>
    /// Area chart: one area for the series, or with a breakdown one area per value (top 8 and "Other").
    /// Areas are stacked only for sum and count, where the stack's height means the whole; averages or
    /// maxima of parts do not add up, so those areas overlap instead.
    /// </summary>
    public static object Area(MetricSeries series, string seriesName, ChartPalette palette)
    {
        if (series.Query.By is null) return Line(series, seriesName, palette, area: true);
        var slices = BreakdownSlices.Top(series, 8);
        var stacked = series.Query.Agg is MetricAggregate.Sum or MetricAggregate.Count;
        return new
        {
            valueFormat = series.Format.ForChart,
            partialPoints = PartialPoints(series),
            chart = new { type = "area", height = "100%", stacked, zoom = new { enabled = false }, foreColor = palette.MutedText },
            theme = Theme(palette),
            colors = Colors(slices, palette),
            series = slices.Select(s => new
            {
                name = s.Label,
                data = series.Data.Select((p, i) => new object?[] { Milliseconds(p.StartUtc), s.Points[i] }).ToArray(),
            }).ToArray(),
            stroke = new { curve = "smooth", width = 1.5 },
            fill = new { type = "solid", opacity = stacked ? 0.7 : 0.15 },
            dataLabels = new { enabled = false },
            grid = Grid(palette),
            xaxis = new { type = "datetime", labels = new { datetimeUTC = false } },
            yaxis = new { forceNiceScale = true, labels = new { minWidth = 40 } },
            tooltip = new { theme = Mode(palette), shared = true, x = new { format = "dd MMM yyyy" } },
            legend = new { show = true, position = "top", horizontalAlign = "left" },
        };
    }

    /// <summary>Most bars a breakdown bar chart draws before folding the rest into "Other".</summary>
    public const int MaxBars = 15;

    /// <summary>Bars lie down from this many categories on, so long labels stay readable.</summary>
    public const int HorizontalFrom = 7;

    /// <summary>
    /// Bar chart: with a breakdown one bar per value (its total by the aggregate; the largest <see cref="MaxBars"/>
    /// and "Other"), horizontal from <see cref="HorizontalFrom"/> bars; without one, a bar per time bucket.
    /// </summary>
    public static object Bar(MetricSeries series, string seriesName, ChartPalette palette)
    {
        if (series.Query.By is null)
        {
            // Category bars, one per bucket: on a datetime axis ApexCharts sizes bars by the smallest gap between
            // points, which leaves week and month bars as thin as lines.
            var labels = series.Data.Select(p => BucketLabel(p, series.Query.GroupBy)).ToArray();
            return new
            {
                valueFormat = series.Format.ForChart,
                chart = new { type = "bar", height = "100%", zoom = new { enabled = false }, foreColor = palette.MutedText },
                theme = Theme(palette),
                colors = new[] { palette.Series[0] },
                series = new[] { new { name = seriesName, data = series.Data.Select(p => p.Value).ToArray() } },
                plotOptions = new { bar = new { borderRadius = 2, columnWidth = "70%" } },
                dataLabels = new { enabled = false },
                grid = Grid(palette),
                xaxis = new
                {
                    type = "category",
                    categories = labels,
                    // Labels turn sideways only when they would not fit side by side.
                    labels = new { rotate = -45, hideOverlappingLabels = true },
                    axisTicks = new { show = false },
                },
                yaxis = new { forceNiceScale = true, labels = new { minWidth = 40 } },
                tooltip = new { theme = Mode(palette) },
                legend = new { show = false },
            };
        }

        var slices = BreakdownSlices.Top(series, MaxBars);
        var horizontal = slices.Count >= HorizontalFrom;
        return new
        {
            valueFormat = series.Format.ForChart,
            chart = new { type = "bar", height = "100%", zoom = new { enabled = false }, foreColor = palette.MutedText },
            theme = Theme(palette),
            // One colour for the values, the muted one for "Other"; "distributed" colours bar by bar.
            colors = slices.Select(s => s.IsOther ? OtherColor(palette) : palette.Series[0]).ToArray(),
            series = new[] { new { name = seriesName, data = slices.Select(s => s.Total).ToArray() } },
            plotOptions = new { bar = new { horizontal, distributed = true, borderRadius = 2, barHeight = "70%", columnWidth = "60%" } },
            dataLabels = new { enabled = false },
            grid = new
            {
                borderColor = palette.Grid,
                strokeDashArray = 3,
                xaxis = new { lines = new { show = horizontal } },
                yaxis = new { lines = new { show = !horizontal } },
            },
            // A horizontal value axis in a narrow tile crowds its labels unless told how many to draw.
            xaxis = new { categories = slices.Select(s => s.Label).ToArray(), tickAmount = horizontal ? 4 : (int?)null },
            yaxis = new { forceNiceScale = !horizontal, labels = new { minWidth = 40, maxWidth = 160 } },
            tooltip = new { theme = Mode(palette) },
            legend = new { show = false },
        };
    }

    /// <summary>Pie or donut: each value's share of the whole (the largest 7 and "Other"), with a legend and percent labels.</summary>
    public static object Pie(MetricSeries series, ChartPalette palette, bool donut)
    {
        var slices = BreakdownSlices.Top(series, 7);
        return new
        {
            valueFormat = series.Format.ForChart,
            chart = new { type = donut ? "donut" : "pie", height = "100%", foreColor = palette.MutedText },
            theme = Theme(palette),
            colors = Colors(slices, palette),
            // A share of a negative figure means nothing; such values get no slice.
            series = slices.Select(s => Math.Max(0, s.Total ?? 0)).ToArray(),
            labels = slices.Select(s => s.Label).ToArray(),
            stroke = new { width = 1, colors = new[] { palette.Grid } },
            dataLabels = new { enabled = true, dropShadow = new { enabled = false } },
            // Percent labels only on slices wide enough to hold one (5 % and up); the tooltip tells the rest.
            plotOptions = new { pie = new { donut = new { size = "58%" }, dataLabels = new { minAngleToShowLabel = 18 } } },
            tooltip = new { theme = Mode(palette), fillSeriesColor = false },
            legend = new { show = true, position = "bottom", labels = new { colors = palette.Text } },
        };
    }

    /// <summary>
    /// Options for <c>map.js</c>: each ISO alpha-2 country code of a breakdown by country with its total, shaded from
    /// a pale tint of the theme's first colour (towards the grid colour, so it suits either mode) to the colour itself.
    /// </summary>
    public static object Map(MetricSeries series, string label, ChartPalette palette) => new
    {
        values = series.Breakdown
            .Where(b => b.Total is not null && b.Value.Length == 2 && b.Value.All(char.IsAsciiLetter))
            .GroupBy(b => b.Value.ToUpperInvariant())
            .ToDictionary(g => g.Key, g => g.First().Total!.Value),
        colors = new[] { Mix(palette.Series[0], palette.Grid, 0.8), palette.Series[0] },
        label,
        dark = palette.Dark,
    };

    /// <summary>What a chart shows, in a sentence a screen reader can say: the figure and the largest values.</summary>
    public static string Describe(string kind, MetricSeries series, string? title = null)
    {
        var q = series.Query;
        var what = $"{kind} of {title ?? q.Name}, {q.Agg.ToString().ToLowerInvariant()}";
        if (q.By is null)
            return $"{what} by {q.GroupBy.ToString().ToLowerInvariant()}, {series.Data.Count} points, overall {series.Format.Compact(series.Value)}.";
        var top = series.Breakdown.Take(5).Select(b => $"{b.Value} {series.Format.Compact(b.Total)}");
        var more = series.Breakdown.Count > 5 ? $" and {series.Breakdown.Count - 5} more" : "";
        return $"{what} by {q.By}: {string.Join(", ", top)}{more}.";
    }

    /// <summary>A bucket's label for a category axis: "3 Mar" for days and weeks, "3 Mar 14:00" for hours, "Mar 2026" for months.</summary>
    public static string BucketLabel(MetricPoint point, MetricGrouping grouping)
    {
        var label = point.Date;
        var c = CultureInfo.InvariantCulture;
        return grouping switch
        {
            MetricGrouping.Hour when DateTime.TryParseExact(label, "yyyy-MM-dd'T'HH:mm", c, DateTimeStyles.None, out var h) => h.ToString("d MMM HH:mm", c),
            MetricGrouping.Day or MetricGrouping.Week when DateTime.TryParseExact(label, "yyyy-MM-dd", c, DateTimeStyles.None, out var d) => d.ToString("d MMM", c),
            MetricGrouping.Month when DateTime.TryParseExact(label, "yyyy-MM", c, DateTimeStyles.None, out var m) => m.ToString("MMM yyyy", c),
            _ => label,
        };
    }

    private static long Milliseconds(DateTime utc) => new DateTimeOffset(utc).ToUnixTimeMilliseconds();

    private static string Mode(ChartPalette palette) => palette.Dark ? "dark" : "light";

    private static object Theme(ChartPalette palette) => new { mode = Mode(palette) };

    private static object Grid(ChartPalette palette) => new { borderColor = palette.Grid, strokeDashArray = 3 };

    // The values take the theme's series colours in order; "Other" is grey, so it never looks like one more value.
    private static string[] Colors(IReadOnlyList<BreakdownSlice> slices, ChartPalette palette) =>
        slices.Select((s, i) => s.IsOther ? OtherColor(palette) : palette.Series[i % palette.Series.Count]).ToArray();

    /// <summary>
    /// The grey of the "Other" slice, bar or area: between the text and the grid colour, so it stands apart from the
    /// series colours in either mode. (The palette's muted text colour has lost its transparency and is plain black or white.)
    /// </summary>
    public static string OtherColor(ChartPalette palette) => Mix(palette.Text, palette.Grid, 0.55);

    /// <summary>The colour <paramref name="share"/> of the way from <paramref name="from"/> to <paramref name="to"/> (#rrggbb).</summary>
    public static string Mix(string from, string to, double share)
    {
        var (a, b) = (Rgb(from), Rgb(to));
        return "#" + string.Concat(Enumerable.Range(0, 3).Select(i => ((int)Math.Round(a[i] + (b[i] - a[i]) * share)).ToString("x2", CultureInfo.InvariantCulture)));
    }

    private static int[] Rgb(string hex)
    {
        var h = hex.TrimStart('#');
        if (h.Length is 3 or 4) h = string.Concat(h.Take(3).Select(c => $"{c}{c}"));
        return [Convert.ToInt32(h[..2], 16), Convert.ToInt32(h[2..4], 16), Convert.ToInt32(h[4..6], 16)];
    }

    /// <summary>How many buckets at the end of the series are still in progress (charts draw them dashed, "so far").</summary>
    public static int PartialPoints(MetricSeries series)
    {
        var count = 0;
        for (var i = series.Data.Count - 1; i >= 0 && series.Data[i].Partial; i--) count++;
        return count;
    }
}
