using Analytics.Core.Metrics;

namespace Analytics.Tests.Core.Metrics;

public sealed class MetricValueRangeTests
{
    private static RollupCell Cell(long count, double sum, double min, double max, double last) =>
        new() { Count = count, Sum = sum, Min = min, Max = max, Last = last, LastTicks = 1 };

    [Fact]
    public void Events_at_the_bound_hold_and_beyond_it_or_not_finite_do_not()
    {
        Assert.True(MetricValueRange.Holds(1e15));
        Assert.True(MetricValueRange.Holds(-1e15));
        Assert.True(MetricValueRange.Holds(0));
        Assert.False(MetricValueRange.Holds(1.0000000000000002e15));
        Assert.False(MetricValueRange.Holds(double.NaN));
        Assert.False(MetricValueRange.Holds(double.PositiveInfinity));
        Assert.False(MetricValueRange.Holds(double.NegativeInfinity));
    }

    [Fact]
    public void A_cell_holds_when_it_could_come_from_events_within_the_bound()
    {
        Assert.True(MetricValueRange.Holds(default(RollupCell)));
        Assert.True(MetricValueRange.Holds(Cell(3, 3e15, 1e15, 1e15, 1e15)));
        Assert.True(MetricValueRange.Holds(Cell(1_000_000_000, 1e24, 1e15, 1e15, 1e15)));
        Assert.True(MetricValueRange.Holds(Cell(2, -1.5, -1, -0.5, -0.5)));
    }

    [Fact]
    public void A_cell_with_an_overflowed_sum_or_a_reading_beyond_the_bound_does_not_hold()
    {
        // What two events of 1.7e308 left in a rollup: a sum of +∞ and readings of 1.7e308.
        Assert.False(MetricValueRange.Holds(Cell(2, double.PositiveInfinity, 1.7e308, 1.7e308, 1.7e308)));
        Assert.False(MetricValueRange.Holds(Cell(2, double.PositiveInfinity, 1, 1, 1)));
        Assert.False(MetricValueRange.Holds(Cell(2, double.NaN, 1, 1, 1)));
        Assert.False(MetricValueRange.Holds(Cell(2, 3e15, 1e15, 1e15, 1e15)));
        Assert.False(MetricValueRange.Holds(Cell(1, 1, 1, 1, double.NegativeInfinity)));
        Assert.False(MetricValueRange.Holds(Cell(1, 1, -2e15, 1, 1)));
        Assert.False(MetricValueRange.Holds(Cell(-1, 1, 1, 1, 1)));
    }

    [Fact]
    public void A_change_against_a_tiny_previous_figure_is_null_rather_than_infinite()
    {
        Assert.Equal(0.5, MetricTrend.ChangeOf(150, 100));
        Assert.Null(MetricTrend.ChangeOf(150, 0));
        Assert.Null(MetricTrend.ChangeOf(1e15, 1e-300));
    }
}
