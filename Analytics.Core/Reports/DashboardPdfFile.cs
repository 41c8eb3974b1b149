namespace Analytics.Core.Reports;

/// <summary>A dashboard drawn as a PDF, with the file name to download it as.</summary>
public sealed record DashboardPdfFile(string FileName, byte[] Content)
{
    public const string ContentType = "application/pdf";
}
