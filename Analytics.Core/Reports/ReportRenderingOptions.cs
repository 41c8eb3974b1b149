namespace Analytics.Core.Reports;

/// <summary>How report files are drawn (section <c>ReportRendering</c>).</summary>
public sealed class ReportRenderingOptions
{
    public const string Section = "ReportRendering";

    /// <summary>Up to this many data rows a workbook is written with ClosedXML; above it with the streaming Open XML writer, whose memory stays flat.</summary>
    public int XlsxStreamingThreshold { get; set; } = 20_000;

    /// <summary>Font families for PDF text and charts, comma separated; the first one installed wins (Debian: fonts-dejavu-core, fonts-liberation2).</summary>
    public string PdfFonts { get; set; } = "DejaVu Sans, Liberation Sans";

    public IReadOnlyList<string> PdfFontFamilies() => PdfFonts.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
