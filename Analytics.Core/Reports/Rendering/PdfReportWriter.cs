using System.Globalization;
using Analytics.Core.Reports.Rendering.Pdf;
using SkiaSharp;

namespace Analytics.Core.Reports.Rendering;

/// <summary>
/// A report for stakeholders: title, tenant, period and generation time, a KPI table (value, previous period,
/// change), then one chart per metric; page numbers in the footer.
/// </summary>
public static class PdfReportWriter
{
    public const string ContentType = "application/pdf";

    private const float ChartHeight = 190f;

    public static async Task WriteAsync(ReportContent content, Stream output, IReadOnlyList<string> fontFamilies, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        Write(content, buffer, fontFamilies);
        ct.ThrowIfCancellationRequested();
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    /// <summary>Draws the PDF synchronously (Skia writes as it goes), into a stream the caller may copy on asynchronously.</summary>
    public static void Write(ReportContent content, Stream output, IReadOnlyList<string> fontFamilies)
    {
        using var fonts = PdfFonts.Load(fontFamilies);
        var layout = new PdfLayout(fonts);
        var generated = content.GeneratedAtLocal.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + content.Zone.Id;

        layout.Text(content.Title, 22, bold: true, spaceAfter: 6);
        layout.Text(content.TenantName, 12, color: PdfColors.Secondary, spaceAfter: 2);
        layout.Text($"{content.PeriodLabel}: {Day(content.FirstDay)} – {Day(content.LastDay)}, by {content.GroupBy.ToString().ToLowerInvariant()}", 10, color: PdfColors.Secondary, spaceAfter: 2);
        var scope = Scope(content);
        if (scope.Length > 0) layout.Text(scope, 10, color: PdfColors.Secondary, spaceAfter: 2);
        layout.Text($"Generated {generated}", 10, color: PdfColors.Secondary, spaceAfter: 14);

        layout.Text("Key figures", 14, bold: true, spaceAfter: 6);
        if (content.Metrics.Count == 0)
        {
            layout.Text("No metrics were recorded for this report's modules.", 10, color: PdfColors.Secondary);
        }
        else
        {
            layout.Table(
                [new("Metric", 3f), new("Module", 1.6f), new("Agg", 0.9f), new("Value", 2.4f, PdfAlign.Right), new("Previous", 2.4f, PdfAlign.Right),
                 new("Change", 1.4f, PdfAlign.Right), new("Events", 1.4f, PdfAlign.Right)],
                content.Metrics.Select(m => (IReadOnlyList<string>)[m.Name, m.Module ?? "", m.Agg.ToString().ToLowerInvariant(), m.Series.Format.Full(m.Value),
                    m.Series.Format.Full(m.PreviousValue), PdfNumbers.Change(m.Change), m.Problem is null ? m.Series.Summary.Count.ToString("#,##0", CultureInfo.InvariantCulture) : "—"]));
        }

        var index = 0;
        foreach (var metric in content.Metrics)
        {
            layout.KeepTogether(40 + ChartHeight);
            layout.Text(metric.Name + (metric.Module is null ? "" : $" · {metric.Module}"), 12, bold: true, spaceAfter: 1);
            if (metric.Problem is { } problem)
            {
                layout.Text(problem, 10, color: PdfColors.Secondary, spaceAfter: 12);
                continue;
            }
            layout.Text($"{metric.Agg.ToString().ToLowerInvariant()} by {content.GroupBy.ToString().ToLowerInvariant()} · value {metric.Series.Format.Full(metric.Value)}, " +
                $"previous {metric.Series.Format.Full(metric.PreviousValue)}, change {PdfNumbers.Change(metric.Change)}", 9, color: PdfColors.Secondary, spaceAfter: 4);
            if (metric.Series.Summary.Count == 0)
            {
                layout.Text("No events in this period.", 10, color: PdfColors.Secondary, spaceAfter: 12);
                continue;
            }
            var color = index++;
            layout.Drawing(ChartHeight, (canvas, rect) => PdfCharts.Series(canvas, rect, metric.Series.Data, fonts.Family, colorIndex: color, format: metric.Series.Format));
            layout.Space(12);
        }

        layout.Save(output, content.TenantName, content.Title, $"Generated {generated}", new SKDocumentPdfMetadata
        {
            Title = content.Title,
            Author = content.TenantName,
            Subject = $"{content.PeriodLabel} {Day(content.FirstDay)} – {Day(content.LastDay)}",
            Creator = "Analytics",
            Producer = "Analytics",
            Creation = content.GeneratedAtUtc,
            Modified = content.GeneratedAtUtc,
        });
    }

    private static string Scope(ReportContent content)
    {
        var parts = content.Filters.Select(f => $"{f.Key} = {f.Value}").ToList();
        if (content.Segment is { } segment) parts.Add($"segment {segment}");
        return parts.Count == 0 ? "" : "Filtered by " + string.Join(", ", parts);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
