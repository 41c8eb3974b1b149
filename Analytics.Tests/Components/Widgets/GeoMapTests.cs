using Analytics.Core.Metrics;
using Analytics.Web.Components.Layout;
using Analytics.Web.Components.Widgets;
using Bunit;
using MudBlazor.Services;

namespace Analytics.Tests.Components.Widgets;

public sealed class GeoMapTests : BunitContext
{
    public GeoMapTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private IRenderedComponent<GeoMap> Render(Analytics.Core.Metrics.MetricSeries series, bool dark = false) =>
        Render<GeoMap>(p => p.Add(c => c.Series, series).Add(c => c.Label, "Revenue").AddCascadingValue(AnalyticsTheme.ChartPalette(dark)));

    [Fact]
    public void Passes_each_country_code_with_its_total_to_the_map_module()
    {
        Render(WidgetSeries.Breakdown("country", ("US", 1200), ("DE", 450.5)));

        var import = JSInterop.Invocations.First(i => i.Identifier == "import");
        Assert.Equal("./lib/analytics/map.js", import.Arguments[0]);
        var options = JSInterop.Rendered();
        var values = options.GetProperty("values");
        Assert.Equal(1200, values.GetProperty("US").GetDouble());
        Assert.Equal(450.5, values.GetProperty("DE").GetDouble());
        Assert.Equal("Revenue", options.GetProperty("label").GetString());
        Assert.False(options.GetProperty("dark").GetBoolean());
    }

    [Fact]
    public void Codes_are_upper_cased_and_values_that_are_no_country_code_are_left_out()
    {
        Render(WidgetSeries.Breakdown("country", ("fr", 10), ("unknown", 5), ("", 3)));
        var values = JSInterop.Rendered().GetProperty("values");
        Assert.Equal(["FR"], values.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Shades_from_a_pale_tint_to_the_theme_colour_and_follows_dark_mode()
    {
        var palette = AnalyticsTheme.ChartPalette(dark: true);
        Render(WidgetSeries.Breakdown("country", ("US", 1)), dark: true);

        var options = JSInterop.Rendered();
        var colors = options.GetProperty("colors").Strings();
        Assert.Equal(palette.Series[0], colors[1]);
        Assert.Equal(ChartOptions.Mix(palette.Series[0], palette.Grid, 0.8), colors[0]);
        Assert.True(options.GetProperty("dark").GetBoolean());
    }

    [Fact]
    public void The_map_is_described_for_screen_readers_and_redrawn_only_when_the_data_changes()
    {
        var series = WidgetSeries.Breakdown("country", ("US", 1200), ("DE", 450));
        var map = Render(series);
        Assert.Equal("World map of Revenue, sum by country: US 1 200, DE 450.".Replace("1 200", FigureFormat.Plain.Compact(1200)),
            map.Find("[data-testid=geo-map]").GetAttribute("aria-label"));

        map.Render(p => p.Add(c => c.Series, series));
        Assert.Single(JSInterop.Drawn());
        map.Render(p => p.Add(c => c.Series, WidgetSeries.Breakdown("country", ("US", 1))));
        Assert.Equal("update", JSInterop.Invocations.Last().Identifier);
        Assert.Equal(2, JSInterop.Drawn().Count);
    }

    [Fact]
    public void Mixing_colours_goes_the_given_share_of_the_way()
    {
        Assert.Equal("#808080", ChartOptions.Mix("#000000", "#ffffff", 0.5));
        Assert.Equal("#3b5bdb", ChartOptions.Mix("#3b5bdb", "#e9ecef", 0));
    }
}
