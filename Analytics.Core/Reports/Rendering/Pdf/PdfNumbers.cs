using System.Globalization;

namespace Analytics.Core.Reports.Rendering.Pdf;

/// <summary>How figures read on paper: thousands separated, at most two decimals, changes signed.</summary>
internal static class PdfNumbers
{
    public static string Figure(double? value) => value is { } v && double.IsFinite(v)
        ? v.ToString(Math.Abs(v) >= 1000 ? "#,##0" : "#,##0.##", CultureInfo.InvariantCulture)
        : "—";

    public static string Change(double? change) => change is { } c && double.IsFinite(c)
        ? (c > 0 ? "+" : c < 0 ? "−" : "±") + Math.Abs(c * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %"
        : "—";

    /// <summary>Axis labels: 1.2M, 45k, 0.75.</summary>
    public static string Compact(double value)
    {
        var a = Math.Abs(value);
        return a >= 1e9 ? (value / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + "B"
            : a >= 1e6 ? (value / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M"
            : a >= 1e4 ? (value / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k"
            : value.ToString("#,##0.##", CultureInfo.InvariantCulture);
    }
}
