using System.Globalization;
using System.Runtime.CompilerServices;
using Analytics.Core.Kpis;

namespace Analytics.Core.Reports.Rendering;

/// <summary>
/// Seed 000's export file. CSV: one table, a row per KPI for the whole window (with the previous window and the change)
/// followed by a row per KPI and period. XLSX: a KPIs sheet, a time-series sheet with a column per KPI, an about sheet.
/// </summary>
public static class KpiExportWriter
{
    public static readonly IReadOnlyList<string> CsvHeader = ["area", "figure", "label", "unit", "period", "period_start", "value", "previous_value", "change"];

    public static Task WriteAsync(KpiExport export, ReportFormat format, Stream output, int xlsxStreamingThreshold, CancellationToken ct) => format switch
    {
        ReportFormat.Csv => CsvReportWriter.WriteAsync(output, CsvHeader, CsvRows(export, ct), ct),
        ReportFormat.Xlsx => XlsxReportWriter.WriteAsync(Sheets(export), (long)export.Figures.Count * (export.Periods.Count + 1), output, xlsxStreamingThreshold, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "KPI exports are xlsx or csv."),
    };

    /// <summary>What a figure's values are in: the currency for money, <c>ratio</c> for rates (0.25 = 25 %), else <c>number</c>.</summary>
    public static string Unit(KpiExportFigure figure, string currency) => figure.Format switch
    {
        KpiFigureFormat.Money => currency,
        KpiFigureFormat.Percent => "ratio",
        _ => "number",
    };

    public static async IAsyncEnumerable<IReadOnlyList<object?>> CsvRows(KpiExport export, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var f in export.Figures)
            yield return [export.Area, f.Key, f.Label, Unit(f, export.Currency), export.Window, export.FirstDay.ToDateTime(TimeOnly.MinValue), f.Value, f.Previous, f.Change];
        foreach (var f in export.Figures)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < export.Periods.Count; i++)
                yield return [export.Area, f.Key, f.Label, Unit(f, export.Currency), export.Periods[i].Label, export.Periods[i].FirstDay.ToDateTime(TimeOnly.MinValue), f.Series[i], null, null];
        }
        await Task.CompletedTask;
    }

    public static IReadOnlyList<XlsxSheet> Sheets(KpiExport export)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var figures = new XlsxSheet(XlsxSheet.SafeName("KPIs", taken),
        [
            new("KPI", XlsxColumnKind.Text), new("Value", XlsxColumnKind.Number), new("Previous period", XlsxColumnKind.Number),
            new("Change", XlsxColumnKind.Percent), new("Unit", XlsxColumnKind.Text), new("Key", XlsxColumnKind.Text),
        ], export.Figures.Select(f => (IReadOnlyList<object?>)[f.Label, f.Value, f.Previous, f.Change, Unit(f, export.Currency), f.Key]));
        var columns = new List<XlsxColumn> { new("Period", XlsxColumnKind.Text), new("Start", XlsxColumnKind.Date) };
        columns.AddRange(export.Figures.Select(f => new XlsxColumn(f.Label, f.Format == KpiFigureFormat.Percent ? XlsxColumnKind.Percent : XlsxColumnKind.Number)));
        var series = new XlsxSheet(XlsxSheet.SafeName("Time series", taken), columns,
            export.Periods.Select((p, i) => (IReadOnlyList<object?>)[p.Label, p.FirstDay.ToDateTime(TimeOnly.MinValue), .. export.Figures.Select(f => (object?)f.Series[i])]));
        return [figures, series, new XlsxSheet(XlsxSheet.SafeName("About", taken), [new("Field", XlsxColumnKind.Text), new("Value", XlsxColumnKind.Text)], About(export))];
    }

    private static IEnumerable<IReadOnlyList<object?>> About(KpiExport export)
    {
        yield return ["Report", $"{(export.Area == "hr" ? "HR" : char.ToUpperInvariant(export.Area[0]) + export.Area[1..])} KPIs"];
        yield return ["Tenant", $"{export.TenantName} ({export.TenantSlug})"];
        yield return ["From", export.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
        yield return ["To", export.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
        yield return ["Grouped by", export.GroupBy.ToString().ToLowerInvariant()];
        yield return ["Time zone", export.Zone.Id];
        yield return ["Currency", export.Currency];
        yield return ["Formulas", "docs/kpis.md"];
        foreach (var problem in export.Problems) yield return ["Problem", $"{problem.Detail} Its figures count it as without events."];
        yield return ["Generated", export.GeneratedAtLocal.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)];
    }
}
