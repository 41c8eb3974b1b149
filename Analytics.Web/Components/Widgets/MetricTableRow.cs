namespace Analytics.Web.Components.Widgets;

/// <summary>
/// A row of a metric table: a breakdown value (with its total, event count and average) or a time bucket (its label
/// and start, value and event count; no average).
/// </summary>
public sealed record MetricTableRow(string Label, DateTime? StartUtc, double? Value, long Count, double? Average);
