using Analytics.Core.Metrics;
using Analytics.Web.Components.Layout;
using Analytics.Web.Components.Widgets;
using Bunit;
using MudBlazor.Services;

namespace Analytics.Tests.Components.Widgets;

public sealed class KpiCardTests : BunitContext
{
    public KpiCardTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static MetricSeries Series(params double[] values)
    {
        var start = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var query = new MetricQuery("order_value", start, start.AddDays(values.Length));
        var points = values.Select((v, i) => new MetricPoint($"2026-03-{i + 1:00}", start.AddDays(i), v, 1)).ToList();
        return new MetricSeries(query, points, new MetricSummary(values.Sum(), values.Length, values.Average()), MetricTier.Raw);
    }

    private IRenderedComponent<KpiCard> Render(double? value, double? change, bool higherIsBetter = true, MetricSeries? sparkline = null) =>
        Render<KpiCard>(p => p
            .Add(c => c.Value, value)
            .Add(c => c.Change, change)
            .Add(c => c.HigherIsBetter, higherIsBetter)
            .Add(c => c.Sparkline, sparkline)
            .Add(c => c.Format, FigureFormat.Money("usd"))
            .AddCascadingValue(AnalyticsTheme.ChartPalette(dark: false)));

    [Fact]
    public void Shows_the_value_in_compact_form()
    {
        var card = Render(45_600, 0.1);
        Assert.Equal("$45.6k", card.Find("[data-testid=kpi-value]").TextContent.Trim());
    }

    [Theory]
    [InlineData(false, "Nothing in the previous period.")]
    [InlineData(true, "Nothing in the same span before.")]
    public void A_previous_figure_of_zero_is_said_rather_than_called_missing(bool partial, string text)
    {
        var card = Render<KpiCard>(p => p
            .Add(c => c.Value, 0)
            .Add(c => c.Change, null)
            .Add(c => c.Previous, 0)
            .Add(c => c.Partial, partial)
            .AddCascadingValue(AnalyticsTheme.ChartPalette(dark: false)));

        Assert.Equal("0", card.Find("[data-testid=kpi-value]").TextContent.Trim());
        Assert.Equal(text, card.Find("[data-testid=kpi-change]").TextContent.Trim());
    }

    [Fact]
    public void A_partial_period_says_it_is_compared_with_the_same_span()
    {
        var card = Render<KpiCard>(p => p.Add(c => c.Value, 12).Add(c => c.Change, 0.5).Add(c => c.Partial, true)
            .AddCascadingValue(AnalyticsTheme.ChartPalette(dark: false)));

        Assert.Contains("+50.0% vs same span before", card.Find("[data-testid=kpi-change]").TextContent.Trim());
    }

    [Fact]
    public void A_rise_shows_an_up_arrow_in_the_good_colour()
    {
        var card = Render(120, 0.234);
        var change = card.Find("[data-testid=kpi-change]");
        Assert.Contains("+23.4%", change.TextContent);
        Assert.Contains("kpi-good", change.ClassList);
        Assert.NotNull(card.Find("[data-direction=up]"));
    }

    [Fact]
    public void A_fall_shows_a_down_arrow_in_the_bad_colour()
    {
        var card = Render(80, -0.2);
        var change = card.Find("[data-testid=kpi-change]");
        Assert.Contains("−20.0%", change.TextContent);
        Assert.Contains("kpi-bad", change.ClassList);
        Assert.NotNull(card.Find("[data-direction=down]"));
    }

    [Fact]
    public void A_rise_is_bad_news_when_higher_is_not_better()
    {
        var card = Render(80, 0.5, higherIsBetter: false);
        Assert.Contains("kpi-bad", card.Find("[data-testid=kpi-change]").ClassList);
    }

    [Fact]
    public void Without_a_value_it_says_there_is_no_data()
    {
        var card = Render(null, null);
        Assert.Equal("No data for this period.", card.Find("[data-testid=kpi-empty]").TextContent.Trim());
        Assert.Empty(card.FindAll("[data-testid=kpi-value]"));
    }

    [Fact]
    public void Without_a_previous_period_it_says_so()
    {
        var card = Render(10, null);
        Assert.Contains("No previous period", card.Find("[data-testid=kpi-change]").TextContent);
    }

    [Fact]
    public void A_sparkline_is_drawn_through_the_chart_module()
    {
        Render(10, 0.1, sparkline: Series(1, 3, 2));
        var call = JSInterop.Invocations.Single(i => i.Identifier == "render");
        Assert.Contains("\"data\":[1,3,2]", System.Text.Json.JsonSerializer.Serialize(call.Arguments[1]));
    }
}
