namespace Analytics.Core.Dashboards;

/// <summary>A widget as the API and the editor send it (seed 004's shape); on update, null means unchanged.</summary>
public sealed record WidgetInput(
    string? Type = null,
    string? Title = null,
    string? Metric = null,
    string? Module = null,
    string? Period = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? GroupBy = null,
    string? Agg = null,
    string? By = null,
    IReadOnlyDictionary<string, string>? Filters = null,
    bool? HigherIsBetter = null,
    WidgetPosition? Position = null,
    long? Id = null,
    bool? FixedPeriod = null);
