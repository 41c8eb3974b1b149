using System.Globalization;

namespace Analytics.Core.Reports.Rendering;

/// <summary>
/// One worksheet to write: a header row and rows of cells matching the columns (string, double, long, DateTime or
/// null). <see cref="Rows"/> is read once, in order, so it may stream.
/// </summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<XlsxColumn> Columns, IEnumerable<IReadOnlyList<object?>> Rows)
{
    private const int MinWidth = 8;
    private const int MaxWidth = 60;

    /// <summary>Column widths in characters from the header and the given rows, as the cells' formatted text needs.</summary>
    public double[] Widths(IEnumerable<IReadOnlyList<object?>> sample)
    {
        var widths = Columns.Select(c => (double)Math.Max(MinWidth, c.Header.Length + 3)).ToArray();
        foreach (var row in sample)
            for (var i = 0; i < widths.Length && i < row.Count; i++)
                widths[i] = Math.Max(widths[i], Math.Min(MaxWidth, Shown(row[i], Columns[i].Kind) + 2));
        return widths;
    }

    /// <summary>About how many characters a cell takes as the spreadsheet shows it.</summary>
    private static int Shown(object? cell, XlsxColumnKind kind) => cell switch
    {
        null => 0,
        string s => s.Length,
        DateTime => kind == XlsxColumnKind.DateTime ? 16 : 10,
        double d when kind == XlsxColumnKind.Percent => (d * 100).ToString("0.0", CultureInfo.InvariantCulture).Length + 1,
        double d when kind == XlsxColumnKind.Integer => d.ToString("#,##0", CultureInfo.InvariantCulture).Length,
        double d => d.ToString("#,##0.00", CultureInfo.InvariantCulture).Length,
        long l => l.ToString("#,##0", CultureInfo.InvariantCulture).Length,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Length,
        _ => cell.ToString()?.Length ?? 0,
    };

    /// <summary>A worksheet name Excel accepts (at most 31 characters, none of : \ / ? * [ ]), unique among <paramref name="taken"/>.</summary>
    public static string SafeName(string name, ISet<string> taken)
    {
        var clean = new string(name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '_' : c).ToArray()).Trim('\'');
        if (clean.Length == 0) clean = "Sheet";
        var candidate = clean.Length > 31 ? clean[..31] : clean;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            var suffix = $" ({i})";
            candidate = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }
        return candidate;
    }
}
