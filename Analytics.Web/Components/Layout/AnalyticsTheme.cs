using MudBlazor;

namespace Analytics.Web.Components.Layout;

/// <summary>The product's one theme; charts take their colours from it so they follow light and dark mode.</summary>
public static class AnalyticsTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3b5bdb",
            Secondary = "#0ca678",
            Tertiary = "#f59f00",
            AppbarBackground = "#1e2a4a",
            Background = "#f5f6fa",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            Success = "#2f9e44",
            Error = "#e03131",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#748ffc",
            Secondary = "#38d9a9",
            Tertiary = "#ffd43b",
            AppbarBackground = "#161b2e",
            Background = "#10131f",
            Surface = "#1a1f33",
            DrawerBackground = "#161b2e",
            Success = "#51cf66",
            Error = "#ff6b6b",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["DejaVu Sans", "Liberation Sans", "Arial", "sans-serif"] },
        },
    };

    /// <summary>The colours a chart needs for the current mode.</summary>
    public static ChartPalette ChartPalette(bool dark)
    {
        Palette p = dark ? Theme.PaletteDark : Theme.PaletteLight;
        return new ChartPalette(
            dark,
            [p.Primary.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex), p.Secondary.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex),
             p.Tertiary.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex), "#e64980", "#7950f2", "#15aabf", "#fd7e14", "#82c91e"],
            // Solid greys: the palette's text colours are translucent, and hex output would drop their alpha.
            dark ? "#e9ecef" : "#212529",
            dark ? "#a5acba" : "#6c757d",
            dark ? "#2c3350" : "#e9ecef",
            p.Success.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex),
            p.Error.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex));
    }
}
