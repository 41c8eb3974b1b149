namespace Analytics.Core.Dashboards;

/// <summary>A place on the 12-column grid: <c>x + w ≤ 12</c>.</summary>
public sealed record WidgetPosition(int X, int Y, int W, int H);
