using Analytics.Core.Metrics;
using Analytics.Web.Components.Widgets;

namespace Analytics.Tests.Components.Widgets;

public sealed class BreakdownSlicesTests
{
    private static (string, double)[] Values(int count) => Enumerable.Range(1, count).Select(i => ($"v{i:00}", 100.0 - i)).ToArray();

    [Fact]
    public void Keeps_the_largest_values_and_sums_the_rest_into_other()
    {
        var slices = BreakdownSlices.Top(WidgetSeries.Breakdown("product", Values(10)), 7);

        Assert.Equal(["v01", "v02", "v03", "v04", "v05", "v06", "v07", "Other"], slices.Select(s => s.Label));
        Assert.Equal(92 + 91 + 90, slices[^1].Total);
        Assert.True(slices[^1].IsOther);
        Assert.Equal([(92 + 91 + 90) / 2.0, (92 + 91 + 90) / 2.0], slices[^1].Points);
    }

    [Fact]
    public void One_value_too_many_is_shown_itself_rather_than_as_an_other_of_one()
    {
        var slices = BreakdownSlices.Top(WidgetSeries.Breakdown("product", Values(8)), 7);
        Assert.Equal(8, slices.Count);
        Assert.DoesNotContain(slices, s => s.IsOther);
    }

    [Fact]
    public void Other_of_an_average_weighs_each_value_by_its_event_count()
    {
        var series = WidgetSeries.Breakdown("channel", [("a", 10), ("b", 8), ("c", 6), ("d", 2)], MetricAggregate.Avg);
        // Turn the totals into averages as the query service would: a = 10 over 2 events, so total (avg) 5 …
        series = series with
        {
            Breakdown = series.Breakdown.Select((b, i) => b with
            {
                Summary = new MetricSummary(b.Summary.Total, i + 1, b.Summary.Total / (i + 1)),
                Total = b.Summary.Total / (i + 1),
            }).ToList(),
        };

        var other = BreakdownSlices.Top(series, 1)[^1];

        // b: sum 8 over 2 events, c: 6 over 3, d: 2 over 4 → 16 / 9.
        Assert.Equal(16.0 / 9, other.Total!.Value, 10);
    }

    [Fact]
    public void Last_values_cannot_be_combined_so_the_rest_is_left_out()
    {
        var series = WidgetSeries.Breakdown("warehouse", Values(5), MetricAggregate.Last);
        var slices = BreakdownSlices.Top(series, 2);
        Assert.Equal(["v01", "v02"], slices.Select(s => s.Label));
    }
}
