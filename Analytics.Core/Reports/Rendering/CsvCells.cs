using System.Globalization;

namespace Analytics.Core.Reports.Rendering;

/// <summary>
/// The text of CSV cells, shared by report files and widget downloads: numbers in the invariant culture with
/// round-trip precision (never defused: a negative number is not a formula), dates in ISO 8601, null as empty, and
/// text that a spreadsheet would run as a formula defused with a leading single quote.
/// </summary>
public static class CsvCells
{
    /// <summary>Prefixes text that starts like a formula. Excel, LibreOffice and Google Sheets treat these first
    /// characters as one (tab and CR are stripped by some importers, which then see the next character).</summary>
    public static string Defuse(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>RFC 4180 quoting: a field with a comma, a quote or a line break is quoted, with its quotes doubled.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    /// <summary>
    /// Formats numbers and dates into <paramref name="destination"/> without allocating, as <see cref="Format"/> would;
    /// false for text, null and anything that does not fit (use <see cref="Format"/> then).
    /// </summary>
    public static bool TryFormat(object? cell, Span<char> destination, out int written)
    {
        switch (cell)
        {
            case double d when double.IsFinite(d):
                return d.TryFormat(destination, out written, "R", CultureInfo.InvariantCulture);
            case long l:
                return l.TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
            case int i:
                return i.TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
            case DateTime t:
                return t.TryFormat(destination, out written, t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            default:
                written = 0;
                return false;
        }
    }

    /// <summary>A cell's text before quoting.</summary>
    public static string Format(object? cell) => cell switch
    {
        null => "",
        string s => Defuse(s),
        double d when !double.IsFinite(d) => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        long or int or short or byte or ulong or uint or ushort or sbyte => Convert.ToString(cell, CultureInfo.InvariantCulture)!,
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => Defuse(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Defuse(cell.ToString() ?? ""),
    };
}
