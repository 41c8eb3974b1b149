using System.Globalization;
using System.Runtime.CompilerServices;
using Analytics.Core.Metrics;
using CsvHelper;

namespace Analytics.Core.Reports.Rendering;

/// <summary>
/// A report as one CSV table (RFC 4180, UTF-8 with a byte order mark so spreadsheets read it as UTF-8, CRLF line
/// ends): one row per metric and bucket. Rows stream to the output as they come, so memory stays flat for any count.
/// </summary>
public static class CsvReportWriter
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly IReadOnlyList<string> Header = ["metric", "module", "aggregate", "period", "period_start", "value", "events", "partial", "currency"];

    private static CsvWriterOptions Options() => new()
    {
        Separator = ',',
        NewLine = "\r\n",
        Quoting = CsvQuoting.WhenNeeded,
        // Defusing is ours (CsvCells), applied to text only; CsvHelper's would also prefix negative numbers.
        Injection = CsvInjection.None,
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = true,
        BufferSize = 64 * 1024,
    };

    public static Task WriteAsync(ReportContent content, Stream output, CancellationToken ct) =>
        WriteAsync(output, Header, Rows(content, ct), ct);

    /// <summary>Writes a header and rows of cells (text, numbers, dates or null) as they arrive.</summary>
    public static async Task WriteAsync(Stream output, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, Options(), leaveOpen: true);
        foreach (var name in header) csv.WriteField(CsvCells.Defuse(name));
        await csv.EndRecordAsync(ct);
        var buffer = new char[64];
        await foreach (var row in rows.WithCancellation(ct))
        {
            for (var i = 0; i < row.Count; i++)
            {
                // Numbers and dates never need quotes and make most cells: written without a string each.
                if (CsvCells.TryFormat(row[i], buffer, out var written)) csv.WriteField(buffer.AsSpan(0, written));
                else csv.WriteField(CsvCells.Format(row[i]));
            }
            await csv.EndRecordAsync(ct);
        }
        await csv.FlushAsync(ct);
    }

    /// <summary>
    /// The report's rows: metric, module, aggregate, bucket label, bucket start in the tenant's zone, value, events, and
    /// whether the bucket is still in progress, and the currency of an amount metric's values; for a metric whose figures cannot be computed, one row with its problem as
    /// the label and no figures.
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyList<object?>> Rows(ReportContent content, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var metric in content.Metrics)
        {
            var agg = metric.Agg.ToString().ToLowerInvariant();
            if (metric.Problem is { } problem)
            {
                // One row that says why the metric has no figures, where its periods would be.
                yield return [metric.Name, metric.Module, agg, problem, null, null, null, null, null];
                continue;
            }
            foreach (var point in metric.Series.Data)
            {
                ct.ThrowIfCancellationRequested();
                yield return [metric.Name, metric.Module, agg, point.Date, TimeBuckets.ToLocal(point.StartUtc, content.Zone), point.Value, point.Count, point.Partial ? "true" : "false", metric.Series.Currency];
            }
        }
        await Task.CompletedTask;
    }
}
