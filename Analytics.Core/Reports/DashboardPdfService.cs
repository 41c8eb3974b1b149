using System.Globalization;
using System.Text;
using Analytics.Core.Dashboards;
using Analytics.Core.Errors;
using Analytics.Core.Insights;
using Analytics.Core.Metrics;
using Analytics.Core.Reports.Rendering.Pdf;
using Analytics.Core.Tenancy;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Analytics.Core.Reports;

/// <summary>
/// A dashboard as a PDF of its widgets, for who may view it: KPI cards as figures with their change, line, area, bar
/// and pie charts drawn by ScottPlot, tables as tables and the geo map as a ranked table of countries. The dashboard's
/// time range, when given, overrides each widget's period as it does on screen.
/// </summary>
public sealed class DashboardPdfService(DashboardService dashboards, WidgetQuery widgets, TenantDirectory tenants, TimeProvider clock,
    IOptions<ReportRenderingOptions> options)
{
    private const int MaxTableRows = 500;
    private const float ChartHeight = 180f;
    private const float CardHeight = 86f;
    private const int CardsPerRow = 4;

    /// <param name="range">A named period or <c>custom</c> (with <paramref name="from"/> and <paramref name="to"/>) for all widgets; null keeps each widget's own.</param>
    public async Task<DashboardPdfFile> RenderAsync(Caller caller, long id, string? range, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (range is not null && range != "custom" && !MetricPeriod.All.Contains(range))
            throw new InvalidInputException("range", $"Unknown range; use one of {string.Join(", ", MetricPeriod.All)} or custom.");
        var view = await dashboards.GetAsync(caller, id, ct);
        var tenant = await tenants.GetAsync(caller.TenantId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        string? rangeText = null;
        if (range is not null)
        {
            var (fromUtc, toUtc) = MetricPeriod.Resolve(range, from, to, tenant.Zone, now);
            rangeText = $"{MetricPeriod.Label(range, from, to)}: {Day(fromUtc, tenant.Zone)} – {Day(toUtc.AddTicks(-1), tenant.Zone)}";
        }

        var period = range is null ? null : new WidgetPeriod(range, from, to);
        var tiles = new List<WidgetAnswer>();
        foreach (var widget in view.Dashboard.Widgets) tiles.Add(await widgets.AnswerAsync(caller, widget, period, ct));

        using var buffer = new MemoryStream();
        Draw(buffer, view, tenant, rangeText, TimeBuckets.ToLocal(now, tenant.Zone), tiles);
        return new DashboardPdfFile(FileName(view.Dashboard.Name, TimeBuckets.ToLocal(now, tenant.Zone)), buffer.ToArray());
    }

    private void Draw(Stream output, DashboardView view, Tenant tenant, string? rangeText, DateTime nowLocal, IReadOnlyList<WidgetAnswer> tiles)
    {
        using var fonts = PdfFonts.Load(options.Value.PdfFontFamilies());
        var layout = new PdfLayout(fonts);
        var generated = $"{nowLocal.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {tenant.Zone.Id}";
        layout.Text(view.Dashboard.Name, 22, bold: true, spaceAfter: 4);
        if (!string.IsNullOrWhiteSpace(view.Dashboard.Description)) layout.Text(view.Dashboard.Description, 11, color: PdfColors.Secondary, spaceAfter: 2);
        layout.Text(tenant.Name, 11, color: PdfColors.Secondary, spaceAfter: 2);
        layout.Text(rangeText ?? "Each widget over its own period", 10, color: PdfColors.Secondary, spaceAfter: 2);
        layout.Text($"Generated {generated}", 10, color: PdfColors.Secondary, spaceAfter: 12);
        if (tiles.Count == 0) layout.Text("This dashboard has no widgets yet.", 11, color: PdfColors.Secondary);

        var color = 0;
        for (var i = 0; i < tiles.Count; i++)
        {
            if (tiles[i].Widget.Type == WidgetTypes.KpiCard && tiles[i].Error is null)
            {
                var cards = new List<WidgetAnswer>();
                while (i < tiles.Count && cards.Count < CardsPerRow && tiles[i].Widget.Type == WidgetTypes.KpiCard && tiles[i].Error is null) cards.Add(tiles[i++]);
                i--;
                layout.Drawing(CardHeight, (canvas, rect) => Cards(canvas, rect, cards, fonts));
                layout.Space(12);
                continue;
            }
            Widget(layout, tiles[i], fonts, color++);
        }
        layout.Save(output, tenant.Name, view.Dashboard.Name, $"Generated {generated}", new SKDocumentPdfMetadata
        {
            Title = view.Dashboard.Name,
            Author = tenant.Name,
            Creator = "Analytics",
            Producer = "Analytics",
        });
    }

    private static void Widget(PdfLayout layout, WidgetAnswer tile, PdfFonts fonts, int color)
    {
        var widget = tile.Widget;
        layout.KeepTogether(widget.Type is WidgetTypes.DataTable or WidgetTypes.GeoMap ? 80 : 36 + ChartHeight);
        layout.Text(widget.Title, 12, bold: true, spaceAfter: 1);
        layout.Text(tile.Subtitle, 9, color: PdfColors.Secondary, spaceAfter: 4);
        if (tile.Error is { } error)
        {
            layout.Text(error, 10, color: PdfColors.Bad, spaceAfter: 12);
            return;
        }
        if (tile.Forecast is { } forecast)
        {
            Forecast(layout, forecast, fonts, color);
            return;
        }
        var series = tile.Series!;
        if (series.Summary.Count == 0 || (series.Query.By is not null && series.Breakdown.Count == 0))
        {
            layout.Text("No events in this period.", 10, color: PdfColors.Secondary, spaceAfter: 12);
            return;
        }
        var slices = series.Breakdown.Select(b => (b.Value, b.Total ?? 0)).ToList();
        switch (widget.Type)
        {
            case WidgetTypes.LineChart or WidgetTypes.AreaChart when series.Query.By is null:
                layout.Drawing(ChartHeight, (canvas, rect) => PdfCharts.Series(canvas, rect, series.Data, fonts.Family, widget.Type == WidgetTypes.AreaChart, color, series.Format));
                if (series.Data.LastOrDefault(p => p.Partial && p.Value is not null) is { } partial)
                    layout.Text($"Dashed: {partial.Date} so far, not yet complete.", 8, color: PdfColors.Secondary);
                break;
            case WidgetTypes.LineChart or WidgetTypes.AreaChart:
                // A breakdown over time reads as the total's line; the values' shares follow as a table.
                layout.Drawing(ChartHeight, (canvas, rect) => PdfCharts.Series(canvas, rect, series.Data, fonts.Family, widget.Type == WidgetTypes.AreaChart, color, series.Format));
                layout.Space(6);
                Ranked(layout, series, series.Query.By!);
                break;
            case WidgetTypes.BarChart:
                layout.Drawing(ChartHeight, (canvas, rect) => PdfCharts.Bars(canvas, rect, slices.Take(12).ToList(), fonts.Family, series.Format));
                break;
            case WidgetTypes.PieChart or WidgetTypes.DonutChart:
                var top = slices.Take(7).ToList();
                if (slices.Count > 7) top.Add(("other", slices.Skip(7).Sum(s => s.Item2)));
                layout.Drawing(ChartHeight, (canvas, rect) => PdfCharts.Pie(canvas, rect, top, fonts.Family, widget.Type == WidgetTypes.DonutChart));
                break;
            case WidgetTypes.GeoMap:
                Ranked(layout, series, "Country");
                break;
            default:
                if (series.Query.By is not null) Ranked(layout, series, series.Query.By);
                else
                {
                    layout.Table([new("Period", 3f), new(series.ValueHeader, 2f, PdfAlign.Right), new("Events", 1.5f, PdfAlign.Right)],
                        series.Data.Take(MaxTableRows).Select(p => (IReadOnlyList<string>)[p.Date, series.Format.Full(p.Value), Count(p.Count)]));
                    if (series.Data.Count > MaxTableRows) layout.Text($"The first {MaxTableRows} of {series.Data.Count} rows.", 9, color: PdfColors.Secondary);
                }
                break;
        }
        layout.Space(12);
    }

    /// <summary>The values of the breakdown, largest first, with their share of the whole.</summary>
    private static void Ranked(PdfLayout layout, MetricSeries series, string label)
    {
        var total = series.Breakdown.Sum(b => Math.Max(0, b.Total ?? 0));
        layout.Table(
            [new("#", 0.6f, PdfAlign.Right), new(label, 3f), new(series.ValueHeader, 2f, PdfAlign.Right), new("Share", 1.4f, PdfAlign.Right), new("Events", 1.4f, PdfAlign.Right)],
            series.Breakdown.Take(MaxTableRows).Select((b, i) => (IReadOnlyList<string>)[
                (i + 1).ToString(CultureInfo.InvariantCulture), b.Value, series.Format.Full(b.Total),
                total > 0 && series.Query.Agg == MetricAggregate.Sum ? ((b.Total ?? 0) / total).ToString("0.0 %", CultureInfo.InvariantCulture) : "—",
                Count(b.Summary.Count)]));
        if (series.Breakdown.Count > MaxTableRows) layout.Text($"The first {MaxTableRows} of {series.Breakdown.Count} values.", 9, color: PdfColors.Secondary);
    }

    /// <summary>History and forecast as one line, then the predicted periods with their interval.</summary>
    private static void Forecast(PdfLayout layout, ForecastResult forecast, PdfFonts fonts, int color)
    {
        var points = forecast.History.Select(h => new MetricPoint(h.Period, default, h.Actual, 1))
            .Concat(forecast.Forecast.Select(f => new MetricPoint(f.Period, default, f.Predicted, 1))).ToList();
        var format = forecast.Currency is { } c ? FigureFormat.Money(c) : FigureFormat.Plain;
        layout.Drawing(ChartHeight, (canvas, rect) => PdfCharts.Series(canvas, rect, points, fonts.Family, false, color, format));
        layout.Space(6);
        var unit = format.UnitName is { Length: > 0 } u ? $" ({u})" : "";
        layout.Table([new("Period", 3f), new("Forecast" + unit, 2f, PdfAlign.Right), new($"{forecast.IntervalLevel:0%} interval", 3f, PdfAlign.Right)],
            forecast.Forecast.Select(f => (IReadOnlyList<string>)[f.Period, format.Full(f.Predicted), $"{format.Full(f.ConfidenceLow)} – {format.Full(f.ConfidenceHigh)}"]));
        layout.Space(12);
    }

    /// <summary>A KPI card as the PDF draws it: the figure, the change and what it is compared with.</summary>
    private sealed record Card(string Title, string Period, double? Value, string Shown, double? Change, string Previous, bool HigherIsBetter, FigureFormat Format);

    private static Card CardOf(WidgetAnswer tile)
    {
        if (tile.Kpi is { } kpi)
        {
            var figures = kpi.Figure.Format switch
            {
                Kpis.KpiFigureFormat.Money => FigureFormat.Money(kpi.Currency),
                Kpis.KpiFigureFormat.Percent => FigureFormat.Percent,
                _ => FigureFormat.Plain,
            };
            return new Card(tile.Widget.Title, tile.Subtitle, kpi.Value, figures.Full(kpi.Value), kpi.Change, $" vs {figures.Full(kpi.Previous)}", kpi.Figure.HigherIsBetter, figures);
        }
        var trend = tile.Trend!;
        var format = trend.Current.Format;
        // A period in progress reads "so far" and is compared with the same span of the previous one.
        return new Card(tile.Widget.Title, tile.Subtitle, trend.Value, format.Full(trend.Value), trend.Change,
            $"{(trend.Partial ? " so far, vs" : " vs")} {format.Compact(trend.PreviousValue)}", tile.Widget.HigherIsBetter, format);
    }

    /// <summary>The sizes a card's figure may take, largest first.</summary>
    private static readonly float[] FigureSizes = [18, 15, 12.5f, 10.5f];

    /// <summary>The sizes a card's period may take: a custom range's two dates fit a narrow card at the smaller one.</summary>
    private static readonly float[] PeriodSizes = [8.5f, 7.5f];

    /// <summary>The largest of <paramref name="sizes"/> at which <paramref name="text"/> fits <paramref name="width"/>; the largest when none does.</summary>
    private static SKFont FittingFont(PdfFonts fonts, string text, float width, float[] sizes, bool bold)
    {
        foreach (var size in sizes)
        {
            var font = fonts.Font(size, bold);
            if (font.MeasureText(text) <= width) return font;
            font.Dispose();
        }
        return fonts.Font(sizes[0], bold);
    }

    private static void Cards(SKCanvas canvas, SKRect rect, IReadOnlyList<WidgetAnswer> tiles, PdfFonts fonts)
    {
        const float gap = 10f;
        var width = (rect.Width - gap * (CardsPerRow - 1)) / CardsPerRow;
        using var border = new SKPaint { Color = PdfColors.Rule, Style = SKPaintStyle.Stroke, StrokeWidth = 0.75f, IsAntialias = true };
        using var secondary = new SKPaint { Color = PdfColors.Secondary, IsAntialias = true };
        using var ink = new SKPaint { Color = PdfColors.Text, IsAntialias = true };
        using var title = fonts.Font(8.5f);
        using var small = fonts.Font(8.5f);
        var cards = tiles.Select(CardOf).ToList();
        for (var i = 0; i < cards.Count; i++)
        {
            var card = cards[i];
            var box = new SKRect(rect.Left + i * (width + gap), rect.Top + 1, rect.Left + i * (width + gap) + width, rect.Bottom - 1);
            canvas.DrawRoundRect(box, 4, 4, border);
            var inner = width - 16;
            canvas.DrawText(PdfLayout.Fit(title, card.Title, inner), box.Left + 8, box.Top + 16, title, secondary);
            // The period the figure covers: the dashboard's range when one is chosen, so a title such as "Orders Today" never hides it.
            using (var period = FittingFont(fonts, card.Period, inner, PeriodSizes, bold: false))
                canvas.DrawText(PdfLayout.Fit(period, card.Period, inner), box.Left + 8, box.Top + 28, period, secondary);
            // A figure too wide for its card steps down in size, and only then reads compact ($4.9M) rather than cut short.
            using var figure = FittingFont(fonts, card.Shown, inner, FigureSizes, bold: true);
            var shown = figure.MeasureText(card.Shown) <= inner ? card.Shown : card.Format.Compact(card.Value);
            canvas.DrawText(PdfLayout.Fit(figure, shown, inner), box.Left + 8, box.Top + 54, figure, ink);
            var good = card.Change is { } c && c != 0 && (c > 0) == card.HigherIsBetter;
            using var changeInk = new SKPaint { Color = card.Change is null or 0 ? PdfColors.Secondary : good ? PdfColors.Good : PdfColors.Bad, IsAntialias = true };
            var change = PdfNumbers.Change(card.Change);
            canvas.DrawText(change, box.Left + 8, box.Top + 72, small, changeInk);
            var previous = PdfLayout.Fit(small, card.Previous, inner - small.MeasureText(change));
            canvas.DrawText(previous, box.Left + 8 + small.MeasureText(change), box.Top + 72, small, secondary);
        }
    }

    private static string Count(long count) => count.ToString("#,##0", CultureInfo.InvariantCulture);

    private static string Day(DateTime utc, TimeZoneInfo zone) => TimeBuckets.ToLocal(utc, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string FileName(string name, DateTime nowLocal)
    {
        var safe = new StringBuilder(name.Length);
        foreach (var c in name.Trim().ToLowerInvariant()) safe.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        var slug = string.Join('-', safe.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return $"{(slug.Length == 0 ? "dashboard" : slug[..Math.Min(60, slug.Length)])}-{nowLocal:yyyy-MM-dd}.pdf";
    }

    /// <summary>One widget's answer: its series (and trend for a KPI card), or why it has none.</summary>
}
