namespace Analytics.Core.Dashboards;

/// <summary>A dashboard as the API sends it; on update, null means unchanged and <see cref="Widgets"/> carries layout changes by id.</summary>
public sealed record DashboardInput(
    string? Name = null,
    string? Description = null,
    IReadOnlyList<string>? SharedWith = null,
    IReadOnlyList<WidgetInput>? Widgets = null);
