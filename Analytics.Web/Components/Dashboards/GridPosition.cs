namespace Analytics.Web.Components.Dashboards;

/// <summary>Where a widget sits on the 12-column grid, as gridstack reports it.</summary>
public sealed record GridPosition(string Id, int X, int Y, int W, int H);
