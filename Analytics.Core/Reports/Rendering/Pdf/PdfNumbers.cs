using System.Globalization;

namespace Analytics.Core.Reports.Rendering.Pdf;

/// <summary>How changes read on paper, signed; figures read by their unit (<see cref="Metrics.FigureFormat"/>).</summary>
internal static class PdfNumbers
{
    public static string Change(double? change) => change is { } c && double.IsFinite(c)
        ? (c > 0 ? "+" : c < 0 ? "−" : "±") + Math.Abs(c * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %"
        : "—";
}
