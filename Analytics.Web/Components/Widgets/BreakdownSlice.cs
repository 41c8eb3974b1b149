namespace Analytics.Web.Components.Widgets;

/// <summary>
/// One value of a breakdown as a chart draws it: its label, its total by the query's aggregate and its value per
/// time bucket; <see cref="IsOther"/> marks the slice that folds together every value past the top ones.
/// </summary>
public sealed record BreakdownSlice(string Label, double? Total, IReadOnlyList<double?> Points, bool IsOther = false);
