using Analytics.Core.Metrics;
using Analytics.Web.Components.Layout;
using Analytics.Web.Components.Widgets;
using Bunit;
using MudBlazor.Services;

namespace Analytics.Tests.Components.Widgets;

public sealed class AreaChartTests : BunitContext
{
    private readonly ChartPalette _palette = AnalyticsTheme.ChartPalette(dark: true);

    public AreaChartTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private IRenderedComponent<AreaChart> Render(MetricSeries series) =>
        Render<AreaChart>(p => p.Add(c => c.Series, series).Add(c => c.Name, "Revenue").AddCascadingValue(_palette));

    [Fact]
    public void Without_a_breakdown_it_is_one_area_over_time()
    {
        Render(WidgetSeries.Timeline(1, 3, 2));

        var options = JSInterop.Rendered();
        Assert.Equal("area", options.GetProperty("chart").GetProperty("type").GetString());
        var series = options.GetProperty("series").EnumerateArray().Single();
        Assert.Equal("Revenue", series.GetProperty("name").GetString());
        Assert.Equal([1, 3, 2], series.GetProperty("data").EnumerateArray().Select(p => p[1].GetDouble()));
        Assert.Equal("dark", options.GetProperty("tooltip").GetProperty("theme").GetString());
    }

    [Fact]
    public void A_breakdown_stacks_one_area_per_value_with_the_rest_as_other()
    {
        Render(WidgetSeries.Breakdown("product", Enumerable.Range(1, 12).Select(i => ($"p{i:00}", 100.0 - i))));

        var options = JSInterop.Rendered();
        Assert.True(options.GetProperty("chart").GetProperty("stacked").GetBoolean());
        var series = options.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(["p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08", "Other"], series.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal([99 / 2.0, 99 / 2.0], series[0].GetProperty("data").EnumerateArray().Select(p => p[1].GetDouble()));
        var other = Enumerable.Range(9, 4).Sum(i => 100.0 - i) / 2;
        Assert.Equal([other, other], series[^1].GetProperty("data").EnumerateArray().Select(p => p[1].GetDouble()));
        Assert.Equal(ChartOptions.OtherColor(_palette), options.GetProperty("colors").Strings()[^1]);
        Assert.True(options.GetProperty("legend").GetProperty("show").GetBoolean());
    }

    [Fact]
    public void Averages_do_not_add_up_so_their_areas_overlap_instead_of_stacking()
    {
        Render(WidgetSeries.Breakdown("channel", [("email", 4.5), ("chat", 4.1)], MetricAggregate.Avg));
        Assert.False(JSInterop.Rendered().GetProperty("chart").GetProperty("stacked").GetBoolean());
    }
}
