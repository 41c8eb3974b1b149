namespace Analytics.Core.Reports.Rendering.Pdf;

internal enum PdfAlign
{
    Left,
    Right,
}
