using Analytics.Core.Metrics;

namespace Analytics.Core.Reports.Rendering;

/// <summary>
/// A report as a workbook: a summary sheet (each metric's figure, previous period and change), one sheet per metric
/// (its buckets, or the problem of a metric whose figures cannot be computed) and an about sheet (tenant, period, filters, generation time). Small workbooks go through ClosedXML
/// (through a temporary file, as it saves to a seekable stream); large ones through the streaming writer, straight to
/// the output with flat memory.
/// </summary>
public static class XlsxReportWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task WriteAsync(ReportContent content, Stream output, int streamingThreshold, CancellationToken ct) =>
        await WriteAsync(Sheets(content), content.RowCount, output, streamingThreshold, ct);

    /// <summary>Writes <paramref name="sheets"/> holding <paramref name="rowCount"/> data rows in all.</summary>
    public static async Task WriteAsync(IReadOnlyList<XlsxSheet> sheets, long rowCount, Stream output, int streamingThreshold, CancellationToken ct)
    {
        if (rowCount > streamingThreshold)
        {
            await StreamingXlsxWriter.WriteAsync(sheets, output, ct);
            return;
        }
        var path = Path.Combine(Path.GetTempPath(), $"analytics-{Guid.NewGuid():N}.xlsx");
        // Not FileOptions.Asynchronous: ClosedXML writes synchronously, which an asynchronous handle makes slow.
        await using var buffer = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        ClosedXmlWorkbookWriter.Write(sheets, buffer);
        ct.ThrowIfCancellationRequested();
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    public static IReadOnlyList<XlsxSheet> Sheets(ReportContent content)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sheets = new List<XlsxSheet>
        {
            new(XlsxSheet.SafeName("Summary", taken),
            [
                new("Metric", XlsxColumnKind.Text), new("Module", XlsxColumnKind.Text), new("Aggregate", XlsxColumnKind.Text),
                new("Value", XlsxColumnKind.Number), new("Previous period", XlsxColumnKind.Number), new("Change", XlsxColumnKind.Percent),
                new("Events", XlsxColumnKind.Integer), new("Currency", XlsxColumnKind.Text),
            ], content.Metrics.Select(m => (IReadOnlyList<object?>)[m.Name, m.Module, m.Agg.ToString().ToLowerInvariant(), m.Value, m.PreviousValue, m.Change,
                m.Problem is null ? m.Series.Summary.Count : null, m.Series.Currency?.ToUpperInvariant()])),
        };
        var start = content.GroupBy == MetricGrouping.Hour ? XlsxColumnKind.DateTime : XlsxColumnKind.Date;
        foreach (var metric in content.Metrics)
        {
            sheets.Add(new XlsxSheet(XlsxSheet.SafeName(metric.Name, taken),
                [new("Period", XlsxColumnKind.Text), new("Start", start), new(metric.Series.ValueHeader, XlsxColumnKind.Number), new("Events", XlsxColumnKind.Integer),
                    new("Complete", XlsxColumnKind.Text)],
                metric.Problem is { } problem
                    ? [[problem, null, null, null, null]]
                    : metric.Series.Data.Select(p => (IReadOnlyList<object?>)[p.Date, TimeBuckets.ToLocal(p.StartUtc, content.Zone), p.Value, p.Count, p.Partial ? "so far" : "yes"])));
        }
        sheets.Add(new XlsxSheet(XlsxSheet.SafeName("About", taken), [new("Field", XlsxColumnKind.Text), new("Value", XlsxColumnKind.Text)], About(content)));
        return sheets;
    }

    private static IEnumerable<IReadOnlyList<object?>> About(ReportContent content)
    {
        yield return ["Report", content.Title];
        yield return ["Tenant", $"{content.TenantName} ({content.TenantSlug})"];
        yield return ["Period", content.PeriodLabel];
        yield return ["From", content.FirstDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)];
        yield return ["To", content.LastDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)];
        yield return ["Grouped by", content.GroupBy.ToString().ToLowerInvariant()];
        yield return ["Time zone", content.Zone.Id];
        yield return ["Currency", content.Currency];
        foreach (var (key, value) in content.Filters) yield return [$"Filter {key}", value];
        if (content.Segment is { } segment) yield return ["Segment", segment];
        yield return ["Generated", content.GeneratedAtLocal.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)];
    }
}
