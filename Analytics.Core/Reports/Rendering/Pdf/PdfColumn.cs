namespace Analytics.Core.Reports.Rendering.Pdf;

/// <summary>A table column: its header, its share of the table's width and how its cells align.</summary>
internal sealed record PdfColumn(string Header, float Weight, PdfAlign Align = PdfAlign.Left);
