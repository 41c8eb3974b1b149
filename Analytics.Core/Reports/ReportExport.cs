namespace Analytics.Core.Reports;

/// <summary>An export ready to write: its queried content, format, file name and content type.</summary>
public sealed record ReportExport(ReportContent Content, ReportFormat Format, RenderedReport File, string FileName);
