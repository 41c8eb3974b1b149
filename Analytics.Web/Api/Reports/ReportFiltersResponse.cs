namespace Analytics.Web.Api.Reports;

public sealed record ReportFiltersResponse(
    string DateRange, DateOnly? From, DateOnly? To, string? Module, IReadOnlyDictionary<string, string> Dimensions, string? Segment);
