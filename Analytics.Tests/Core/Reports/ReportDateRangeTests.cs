using Analytics.Core.Errors;
using Analytics.Core.Metrics;
using Analytics.Core.Reports;

namespace Analytics.Tests.Core.Reports;

public sealed class ReportDateRangeTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    // Monday 2026-03-16, 08:00 in Berlin.
    private static readonly DateTime Monday = new(2026, 3, 16, 7, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Last_7_days_on_a_monday_is_the_week_before_in_the_tenant_zone()
    {
        var period = ReportDateRange.Resolve("last_7_days", null, null, Berlin, Monday);

        Assert.Equal(new DateTime(2026, 3, 8, 23, 0, 0, DateTimeKind.Utc), period.FromUtc);
        Assert.Equal(new DateTime(2026, 3, 15, 23, 0, 0, DateTimeKind.Utc), period.ToUtc);
        Assert.Equal("Last 7 days (2026-03-09 – 2026-03-15)", period.Label);
        Assert.Equal(MetricGrouping.Day, period.GroupBy);
    }

    [Theory]
    [InlineData("today", "2026-03-16", "2026-03-16", MetricGrouping.Hour)]
    [InlineData("yesterday", "2026-03-15", "2026-03-15", MetricGrouping.Hour)]
    [InlineData("last_30_days", "2026-02-14", "2026-03-15", MetricGrouping.Day)]
    [InlineData("last_90_days", "2025-12-16", "2026-03-15", MetricGrouping.Week)]
    [InlineData("month_to_date", "2026-03-01", "2026-03-16", MetricGrouping.Day)]
    [InlineData("last_month", "2026-02-01", "2026-02-28", MetricGrouping.Day)]
    [InlineData("quarter_to_date", "2026-01-01", "2026-03-16", MetricGrouping.Week)]
    [InlineData("last_quarter", "2025-10-01", "2025-12-31", MetricGrouping.Week)]
    [InlineData("year_to_date", "2026-01-01", "2026-03-16", MetricGrouping.Week)]
    public void Each_preset_covers_whole_local_days(string range, string first, string last, MetricGrouping grouping)
    {
        var period = ReportDateRange.Resolve(range, null, null, TimeZoneInfo.Utc, Monday);

        Assert.Equal(DateTime.Parse(first + "T00:00:00Z").ToUniversalTime(), period.FromUtc);
        Assert.Equal(DateTime.Parse(last + "T00:00:00Z").ToUniversalTime().AddDays(1), period.ToUtc);
        Assert.Equal(grouping, period.GroupBy);
        Assert.Contains(first, period.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_range_includes_both_dates_and_a_long_one_groups_by_month()
    {
        var period = ReportDateRange.Resolve("custom", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), TimeZoneInfo.Utc, Monday);

        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), period.ToUtc);
        Assert.Equal(MetricGrouping.Month, period.GroupBy);
        Assert.Equal("Custom period (2025-01-01 – 2025-12-31)", period.Label);
        Assert.Throws<UnprocessableException>(() => ReportDateRange.Resolve("custom", new DateOnly(2025, 2, 1), new DateOnly(2025, 1, 1), TimeZoneInfo.Utc, Monday));
    }
}
