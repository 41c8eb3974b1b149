namespace Analytics.Web.Components.Layout;

/// <summary>The theme colours handed to charts and maps; cascaded from the layout.</summary>
public sealed record ChartPalette(bool Dark, IReadOnlyList<string> Series, string Text, string MutedText, string Grid, string Good, string Bad);
