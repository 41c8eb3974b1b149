using Analytics.Web.Components.Layout;
using Analytics.Web.Components.Widgets;
using Bunit;
using MudBlazor.Services;

namespace Analytics.Tests.Components.Widgets;

public sealed class PieChartTests : BunitContext
{
    private readonly ChartPalette _palette = AnalyticsTheme.ChartPalette(dark: false);

    public PieChartTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private IRenderedComponent<PieChart> Render(Analytics.Core.Metrics.MetricSeries series, bool donut = false) =>
        Render<PieChart>(p => p.Add(c => c.Series, series).Add(c => c.Donut, donut).AddCascadingValue(_palette));

    [Fact]
    public void Each_value_is_a_slice_with_its_label_a_legend_and_percent_labels()
    {
        Render(WidgetSeries.Breakdown("channel", ("web", 60), ("store", 30), ("phone", 10)));

        var options = JSInterop.Rendered();
        Assert.Equal("pie", options.GetProperty("chart").GetProperty("type").GetString());
        Assert.Equal(["web", "store", "phone"], options.GetProperty("labels").Strings());
        Assert.Equal([60, 30, 10], options.GetProperty("series").Numbers());
        Assert.True(options.GetProperty("legend").GetProperty("show").GetBoolean());
        Assert.True(options.GetProperty("dataLabels").GetProperty("enabled").GetBoolean());
        Assert.Equal(_palette.Series.Take(3), options.GetProperty("colors").Strings());
    }

    [Fact]
    public void Past_seven_values_the_rest_is_grouped_into_other()
    {
        Render(WidgetSeries.Breakdown("product", Enumerable.Range(1, 10).Select(i => ($"p{i:00}", 100.0 - i))));

        var options = JSInterop.Rendered();
        Assert.Equal(["p01", "p02", "p03", "p04", "p05", "p06", "p07", "Other"], options.GetProperty("labels").Strings());
        Assert.Equal(92 + 91 + 90, options.GetProperty("series").Numbers()[^1]);
        Assert.Equal(ChartOptions.OtherColor(_palette), options.GetProperty("colors").Strings()[^1]);
    }

    [Fact]
    public void The_donut_flag_draws_a_ring()
    {
        var chart = Render(WidgetSeries.Breakdown("channel", ("web", 60), ("store", 30)), donut: true);
        Assert.Equal("donut", JSInterop.Rendered().GetProperty("chart").GetProperty("type").GetString());
        Assert.StartsWith("Donut chart of order_value, sum by channel: web 60, store 30", chart.Find("[data-testid=chart]").GetAttribute("aria-label"));
    }

    [Fact]
    public void Negative_totals_get_no_slice()
    {
        Render(WidgetSeries.Breakdown("reason", ("late", 5), ("damaged", -2)));
        Assert.Equal([5, 0], JSInterop.Rendered().GetProperty("series").Numbers());
    }
}
