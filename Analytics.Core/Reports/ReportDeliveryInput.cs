namespace Analytics.Core.Reports;

/// <summary>Where a run goes: an email list and/or download (download is on unless turned off).</summary>
public sealed record ReportDeliveryInput(IReadOnlyList<string>? Email = null, bool? Download = null);
