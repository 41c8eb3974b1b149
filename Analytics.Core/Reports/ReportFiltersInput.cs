namespace Analytics.Core.Reports;

/// <summary>What a report covers: a date range preset (or <c>custom</c> with from/to), a module, dimension values and a customer segment.</summary>
public sealed record ReportFiltersInput(
    string? DateRange = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Module = null,
    IReadOnlyDictionary<string, string>? Dimensions = null,
    string? Segment = null);
