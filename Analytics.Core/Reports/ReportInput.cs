namespace Analytics.Core.Reports;

/// <summary>A report definition as the API and the UI send it (seed 004's "Schedule Report" body).</summary>
public sealed record ReportInput(
    string? Name = null,
    IReadOnlyList<string>? Modules = null,
    IReadOnlyList<string>? Metrics = null,
    string? Format = null,
    ReportScheduleInput? Schedule = null,
    ReportDeliveryInput? Delivery = null,
    ReportFiltersInput? Filters = null,
    string? GroupBy = null);
