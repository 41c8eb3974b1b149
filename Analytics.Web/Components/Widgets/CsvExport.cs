using System.Text;
using Analytics.Core.Reports.Rendering;

namespace Analytics.Web.Components.Widgets;

/// <summary>
/// Writes rows as CSV (RFC 4180: comma separated, CRLF line ends, fields with a comma, quote or line break quoted,
/// quotes doubled). Cells are formatted and defused by the same rule as report files (<see cref="CsvCells"/>).
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

    /// <summary>One text cell as CSV: defused, then quoted when it holds a comma, a quote or a line break.</summary>
    public static string Text(string text) => CsvCells.Quote(CsvCells.Defuse(text));

    private static void AppendLine(StringBuilder csv, IEnumerable<object?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) csv.Append(',');
            first = false;
            csv.Append(CsvCells.Quote(CsvCells.Format(cell)));
        }
        csv.Append("\r\n");
    }
}
