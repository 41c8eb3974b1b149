namespace Analytics.Core.Reports;

/// <summary>What a rendered file is, for storing it and serving it.</summary>
public sealed record RenderedReport(string ContentType, string FileExtension);
