using Analytics.Core.Reports;

namespace Analytics.Tests.Core.Reports;

public sealed class ReportScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTime Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    [Fact]
    public void Daily_weekly_and_monthly_become_cron_expressions()
    {
        Assert.Equal("0 8 * * *", ReportSchedule.ToCron("daily", null, "08:00"));
        Assert.Equal("30 6 * * 1", ReportSchedule.ToCron("weekly", "monday", "06:30"));
        Assert.Equal("0 8 * * 0", ReportSchedule.ToCron("weekly", "sunday", "08:00"));
        Assert.Equal("15 23 1 * *", ReportSchedule.ToCron("monthly", "1", "23:15"));
        Assert.Equal("0 7 L * *", ReportSchedule.ToCron("monthly", "last", "07:00"));
    }

    [Fact]
    public void Daily_at_eight_stays_at_eight_local_across_the_spring_change()
    {
        // Berlin moves from UTC+1 to UTC+2 on 2026-03-29.
        var next = ReportSchedule.NextOccurrences("0 8 * * *", Utc(2026, 3, 27, 12), Berlin, 3);

        Assert.Equal([Utc(2026, 3, 28, 7), Utc(2026, 3, 29, 6), Utc(2026, 3, 30, 6)], next);
    }

    [Fact]
    public void A_time_skipped_by_the_spring_change_runs_right_after_the_jump()
    {
        // 02:30 does not exist in Berlin on 2026-03-29; the run comes at 03:00 CEST, 01:00 UTC.
        var next = ReportSchedule.NextOccurrences("30 2 * * *", Utc(2026, 3, 28, 12), Berlin, 2);

        Assert.Equal([Utc(2026, 3, 29, 1), Utc(2026, 3, 30, 0, 30)], next);
    }

    [Fact]
    public void A_time_repeated_by_the_autumn_change_runs_once()
    {
        // New York repeats 01:00–02:00 on 2026-11-01.
        var next = ReportSchedule.NextOccurrences("30 1 * * *", Utc(2026, 10, 31, 12), NewYork, 2);

        Assert.Equal([Utc(2026, 11, 1, 5, 30), Utc(2026, 11, 2, 6, 30)], next);
    }

    [Fact]
    public void Weekly_on_monday_follows_the_zone_across_the_change()
    {
        var next = ReportSchedule.NextOccurrences(ReportSchedule.ToCron("weekly", "monday", "08:00"), Utc(2026, 3, 20, 0), Berlin, 2);

        Assert.Equal([Utc(2026, 3, 23, 7), Utc(2026, 3, 30, 6)], next);
    }

    [Fact]
    public void Monthly_on_the_first_and_on_the_last_day_in_new_york()
    {
        var first = ReportSchedule.NextOccurrences(ReportSchedule.ToCron("monthly", "1", "09:00"), Utc(2026, 2, 15, 0), NewYork, 2);
        var last = ReportSchedule.NextOccurrences(ReportSchedule.ToCron("monthly", "last", "09:00"), Utc(2026, 2, 15, 0), NewYork, 2);

        Assert.Equal([Utc(2026, 3, 1, 14), Utc(2026, 4, 1, 13)], first);
        Assert.Equal([Utc(2026, 2, 28, 14), Utc(2026, 3, 31, 13)], last);
    }

    [Fact]
    public void A_cron_expression_every_six_hours_keeps_local_hours_across_the_change()
    {
        var next = ReportSchedule.NextOccurrences("0 */6 * * *", Utc(2026, 3, 28, 22), Berlin, 3);

        // 00:00 CET, 06:00 CEST, 12:00 CEST.
        Assert.Equal([Utc(2026, 3, 28, 23), Utc(2026, 3, 29, 4), Utc(2026, 3, 29, 10)], next);
    }

    [Fact]
    public void The_latest_missed_occurrence_is_the_one_a_catch_up_runs()
    {
        var latest = ReportSchedule.Latest("0 8 * * *", Utc(2026, 3, 10, 7, 59), Utc(2026, 3, 14, 12), TimeZoneInfo.Utc);

        Assert.Equal(Utc(2026, 3, 14, 8), latest);
    }

    [Theory]
    [InlineData("0 8 * *")]
    [InlineData("61 8 * * *")]
    [InlineData("0 8 * * * *")]
    [InlineData("every day")]
    public void Malformed_cron_expressions_are_refused(string cron) => Assert.False(ReportSchedule.TryParse(cron, out _));
}
