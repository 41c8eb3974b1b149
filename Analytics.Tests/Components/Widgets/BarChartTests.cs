using Analytics.Core.Metrics;
using Analytics.Web.Components.Layout;
using Analytics.Web.Components.Widgets;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace Analytics.Tests.Components.Widgets;

public sealed class BarChartTests : BunitContext
{
    private readonly ChartPalette _palette = AnalyticsTheme.ChartPalette(dark: false);

    public BarChartTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private IRenderedComponent<BarChart> Render(MetricSeries series) =>
        Render<BarChart>(p => p.Add(c => c.Series, series).Add(c => c.Name, "Revenue").AddCascadingValue(_palette));

    [Fact]
    public void A_breakdown_gives_one_bar_per_value_with_its_total()
    {
        Render(WidgetSeries.Breakdown("channel", ("web", 120), ("store", 80), ("phone", 15.5)) with { Format = FigureFormat.Money("usd") });

        var options = JSInterop.Rendered();
        Assert.Equal(["web", "store", "phone"], options.GetProperty("xaxis").GetProperty("categories").Strings());
        var series = options.GetProperty("series").EnumerateArray().Single();
        Assert.Equal("Revenue", series.GetProperty("name").GetString());
        Assert.Equal([120, 80, 15.5], series.GetProperty("data").Numbers());
        Assert.False(options.GetProperty("plotOptions").GetProperty("bar").GetProperty("horizontal").GetBoolean());
        // Revenue reads in its currency on the axis and in the tooltip.
        Assert.Equal("$", options.GetProperty("valueFormat").GetProperty("prefix").GetString());
        Assert.Equal("light", options.GetProperty("tooltip").GetProperty("theme").GetString());
    }

    [Fact]
    public void More_than_six_values_lie_down_as_horizontal_bars()
    {
        Render(WidgetSeries.Breakdown("country", Enumerable.Range(0, 7).Select(i => ($"C{i}", 10.0 * (7 - i)))));
        Assert.True(JSInterop.Rendered().GetProperty("plotOptions").GetProperty("bar").GetProperty("horizontal").GetBoolean());
    }

    [Fact]
    public void Past_the_largest_values_the_rest_is_one_other_bar_in_the_muted_colour()
    {
        Render(WidgetSeries.Breakdown("product", Enumerable.Range(1, 20).Select(i => ($"p{i:00}", 100.0 - i))));

        var options = JSInterop.Rendered();
        var categories = options.GetProperty("xaxis").GetProperty("categories").Strings();
        Assert.Equal(ChartOptions.MaxBars + 1, categories.Length);
        Assert.Equal("Other", categories[^1]);
        Assert.Equal(Enumerable.Range(16, 5).Sum(i => 100.0 - i), options.GetProperty("series")[0].GetProperty("data").Numbers()[^1]);
        var colors = options.GetProperty("colors").Strings();
        Assert.Equal(ChartOptions.OtherColor(_palette), colors[^1]);
        Assert.All(colors[..^1], c => Assert.Equal(_palette.Series[0], c));
    }

    [Fact]
    public void Without_a_breakdown_there_is_a_bar_per_time_bucket()
    {
        Render(WidgetSeries.Timeline(3, 5, 4));

        var options = JSInterop.Rendered();
        Assert.Equal(["1 Mar", "2 Mar", "3 Mar"], options.GetProperty("xaxis").GetProperty("categories").Strings());
        Assert.Equal([3, 5, 4], options.GetProperty("series")[0].GetProperty("data").Numbers());
    }

    [Theory]
    [InlineData("2026-03-07T14:00", MetricGrouping.Hour, "7 Mar 14:00")]
    [InlineData("2026-03-07", MetricGrouping.Week, "7 Mar")]
    [InlineData("2026-03", MetricGrouping.Month, "Mar 2026")]
    [InlineData("2026-Q1", MetricGrouping.Quarter, "2026-Q1")]
    public void Bucket_labels_are_short(string label, MetricGrouping grouping, string expected) =>
        Assert.Equal(expected, ChartOptions.BucketLabel(new MetricPoint(label, WidgetSeries.Start, 1, 1), grouping));

    [Fact]
    public void The_chart_is_described_for_screen_readers()
    {
        var chart = Render(WidgetSeries.Breakdown("channel", ("web", 12_300), ("store", 800)));
        var label = chart.Find("[data-testid=chart]").GetAttribute("aria-label");
        Assert.Equal("Bar chart of Revenue, sum by channel: web 12.3k, store 800.", label);
        Assert.Equal("img", chart.Find("[data-testid=chart]").GetAttribute("role"));
    }

    [Fact]
    public void A_re_render_with_the_same_data_does_not_redraw_but_a_theme_change_does()
    {
        var series = WidgetSeries.Breakdown("channel", ("web", 120), ("store", 80));
        IRenderedComponent<CascadingValue<ChartPalette>> Themed(ChartPalette palette) =>
            Render<CascadingValue<ChartPalette>>(p => p
                .Add(c => c.Value, palette)
                .AddChildContent<BarChart>(c => c.Add(x => x.Series, series)));
        var host = Themed(_palette);
        host.FindComponent<BarChart>().Render(p => p.Add(c => c.Series, series));
        Assert.Single(JSInterop.Drawn());

        host.Render(p => p
            .Add(c => c.Value, AnalyticsTheme.ChartPalette(dark: true))
            .AddChildContent<BarChart>(c => c.Add(x => x.Series, series)));

        var drawn = JSInterop.Drawn();
        Assert.Equal(2, drawn.Count);
        Assert.Equal("update", JSInterop.Invocations.Last(i => i.Identifier is "render" or "update").Identifier);
        Assert.Equal("dark", drawn[1].GetProperty("tooltip").GetProperty("theme").GetString());
    }
}
