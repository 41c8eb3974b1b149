namespace Analytics.Core.Reports;

/// <summary>A run's file, ready to serve.</summary>
public sealed record ReportDownload(ReportRun Run, string FileName, string ContentType, byte[] Content);
