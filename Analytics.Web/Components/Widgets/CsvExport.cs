using System.Globalization;
using System.Text;

namespace Analytics.Web.Components.Widgets;

/// <summary>
/// Writes rows as CSV (RFC 4180: comma separated, CRLF line ends, fields with a comma, quote or line break quoted,
/// quotes doubled). Text that a spreadsheet would run as a formula is defused with a leading single quote.
/// </summary>
public static class CsvExport
{
    public const string MimeType = "text/csv;charset=utf-8";

    /// <summary>
    /// The CSV of a header and rows. Cells are text (defused and quoted as needed), numbers (invariant culture,
    /// round-trip precision, never defused: a negative number is not a formula), dates (ISO 8601) or null (empty).
    /// </summary>
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var csv = new StringBuilder();
        AppendLine(csv, header);
        foreach (var row in rows) AppendLine(csv, row);
        return csv.ToString();
    }

    /// <summary>Rows without a header, for a CSV written in parts (a streamed export).</summary>
    public static string Lines(IEnumerable<IReadOnlyList<object?>> rows)
    {
        var csv = new StringBuilder();
        foreach (var row in rows) AppendLine(csv, row);
        return csv.ToString();
    }

    /// <summary>One text cell as CSV: defused, then quoted when it holds a comma, a quote or a line break.</summary>
    public static string Text(string text)
    {
        // Excel, LibreOffice and Google Sheets treat these first characters as the start of a formula (tab and CR
        // are stripped by some importers, which then see the next character).
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r') text = "'" + text;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static void AppendLine(StringBuilder csv, IEnumerable<object?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) csv.Append(',');
            first = false;
            csv.Append(cell switch
            {
                null => "",
                double d when !double.IsFinite(d) => "",
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
                decimal m => m.ToString(CultureInfo.InvariantCulture),
                long or int or short or byte or ulong or uint or ushort or sbyte => Convert.ToString(cell, CultureInfo.InvariantCulture),
                DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable f => Text(f.ToString(null, CultureInfo.InvariantCulture)),
                _ => Text(cell.ToString() ?? ""),
            });
        }
        csv.Append("\r\n");
    }
}
