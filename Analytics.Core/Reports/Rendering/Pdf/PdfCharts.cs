using Analytics.Core.Metrics;
using ScottPlot;
using SkiaSharp;

namespace Analytics.Core.Reports.Rendering.Pdf;

/// <summary>Charts drawn by ScottPlot straight onto a PDF page's canvas, so they stay vectors with real text.</summary>
internal static class PdfCharts
{
    private const int MaxTicks = 8;

    /// <summary>A series over its buckets, as a line (or a filled area); empty buckets of a non-additive aggregate are left out.</summary>
    public static void Series(SKCanvas canvas, SKRect rect, IReadOnlyList<MetricPoint> points, string family, bool area = false, int colorIndex = 0, FigureFormat? format = null)
    {
        var plot = NewPlot(family, format);
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < points.Count; i++)
            if (points[i].Value is { } v && double.IsFinite(v))
            {
                xs.Add(i);
                ys.Add(v);
            }
        if (points.Count == 1 || xs.Count == 1)
        {
            var bars = plot.Add.Bars(ys.ToArray());
            for (var i = 0; i < bars.Bars.Count; i++) bars.Bars[i].Position = xs[i];
            bars.Color = Palette(colorIndex);
        }
        else
        {
            // Buckets still in progress continue the line dashed from the last complete one, as the charts on screen do.
            var complete = xs.Count(x => !points[(int)x].Partial);
            var solid = Math.Max(complete, 1);
            var scatter = plot.Add.Scatter(xs.Take(solid).ToArray(), ys.Take(solid).ToArray());
            scatter.Color = Palette(colorIndex);
            scatter.LineWidth = 1.5f;
            scatter.MarkerSize = points.Count <= 31 ? 3 : 0;
            if (area)
            {
                scatter.FillY = true;
                scatter.FillYColor = Palette(colorIndex).WithAlpha(0.25);
            }
            if (solid < xs.Count)
            {
                var partial = plot.Add.Scatter(xs.Skip(solid - 1).ToArray(), ys.Skip(solid - 1).ToArray());
                partial.Color = Palette(colorIndex).WithAlpha(0.7);
                partial.LineWidth = 1.5f;
                partial.LinePattern = ScottPlot.LinePattern.Dashed;
                partial.MarkerSize = scatter.MarkerSize;
            }
        }
        var step = Math.Max(1, (int)Math.Ceiling(points.Count / (double)MaxTicks));
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < points.Count; i += step) ticks.AddMajor(i, points[i].Date);
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Margins(bottom: ys.Count > 0 && ys.Min() >= 0 ? 0 : 0.05, top: 0.1);
        // The whole period on the x axis, also where a non-additive series has no value.
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsX(-0.5, Math.Max(points.Count - 0.5, 0.5));
        Render(canvas, rect, plot);
    }

    /// <summary>Values of a dimension as vertical bars, largest first.</summary>
    public static void Bars(SKCanvas canvas, SKRect rect, IReadOnlyList<(string Label, double Value)> slices, string family, FigureFormat? format = null)
    {
        var plot = NewPlot(family, format);
        var bars = plot.Add.Bars(slices.Select(s => s.Value).ToArray());
        for (var i = 0; i < bars.Bars.Count; i++) bars.Bars[i].FillColor = Palette(i);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < slices.Count; i++) ticks.AddMajor(i, Short(slices[i].Label));
        plot.Axes.Bottom.TickGenerator = ticks;
        // Category names are long: slanted, they do not run into each other.
        plot.Axes.Bottom.TickLabelStyle.Rotation = -35;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 60;
        plot.Axes.Margins(bottom: 0, top: 0.1);
        Render(canvas, rect, plot);
    }

    /// <summary>Shares of a dimension as a pie or donut, with a legend of the values.</summary>
    public static void Pie(SKCanvas canvas, SKRect rect, IReadOnlyList<(string Label, double Value)> slices, string family, bool donut)
    {
        var plot = NewPlot(family);
        var total = slices.Sum(s => Math.Max(0, s.Value));
        var pie = plot.Add.Pie(slices.Select((s, i) => new PieSlice
        {
            Value = Math.Max(0, s.Value),
            FillColor = Palette(i),
            LegendText = $"{Short(s.Label)} ({(total > 0 ? s.Value / total : 0):P0})",
        }).ToList());
        pie.DonutFraction = donut ? 0.5 : 0;
        pie.ExplodeFraction = 0;
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = 8;
        plot.Legend.FontName = family;
        Render(canvas, rect, plot);
    }

    /// <summary>A plot in the report's font whose value axis reads by <paramref name="format"/> (<c>$1.2M</c>, <c>40 h</c>).</summary>
    private static Plot NewPlot(string family, FigureFormat? format = null)
    {
        var figures = format ?? FigureFormat.Plain;
        var plot = new Plot();
        plot.Font.Set(family);
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 8;
        plot.Axes.Left.TickLabelStyle.FontSize = 8;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => figures.Compact(v) };
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.08);
        return plot;
    }

    private static void Render(SKCanvas canvas, SKRect rect, Plot plot)
    {
        canvas.Save();
        canvas.Translate(rect.Left, rect.Top);
        plot.Render(canvas, (int)rect.Width, (int)rect.Height);
        canvas.Restore();
    }

    private static string Short(string label) => label.Length > 14 ? label[..13] + "…" : label;

    private static Color Palette(int index) => Colors.Category10[index % Colors.Category10.Length];
}
