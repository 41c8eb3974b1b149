namespace Analytics.Core.Metrics;

/// <summary>
/// Where each tier's data is complete at a moment: the oldest instant, hour or day it still holds. The hour and day
/// that contain the cutoff instant count as held: their events were accepted while they were inside the period.
/// Ingest skips a tier for an event older than its coverage and the planner only sends ranges inside it, so
/// rows the trimming job has not reached yet never change an answer.
/// </summary>
public readonly record struct TierCoverage(DateTime RawFromUtc, long HourlyFromHour, int DailyFromDay, DateTime NowUtc)
{
    public static TierCoverage At(DateTime nowUtc, RetentionOptions retention) => At(nowUtc, RetentionPeriods.Of(retention));

    /// <summary>A tenant's coverage: its own periods, and never before a tier was complete under a shorter earlier period.</summary>
    public static TierCoverage At(DateTime nowUtc, RetentionPeriods periods) => new(
        Latest(nowUtc - periods.RawEvents, periods.RawCompleteFromUtc),
        HourOf(Latest(nowUtc - periods.HourlyRollups, periods.HourlyCompleteFromUtc)),
        DateOnly.FromDateTime(Latest(nowUtc - periods.DailyRollups, periods.DailyCompleteFromUtc)).DayNumber,
        nowUtc);

    public static long HourOf(DateTime utc) => utc.Ticks / TimeSpan.TicksPerHour;

    public static int DayOf(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeBuckets.ToLocal(utc, zone)).DayNumber;

    public DateTime HourlyFromUtc => new(HourlyFromHour * TimeSpan.TicksPerHour, DateTimeKind.Utc);

    private static DateTime Latest(DateTime a, DateTime b) => a >= b ? a : b;
}
