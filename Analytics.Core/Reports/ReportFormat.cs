namespace Analytics.Core.Reports;

/// <summary>The file formats of seed 004 (pdf, csv, json) and seed 000 (xlsx, csv); wire names are lower case.</summary>
public enum ReportFormat
{
    Pdf,
    Csv,
    Json,
    Xlsx,
}
