namespace Analytics.Core.Metrics;

/// <summary>
/// Where each tier's data is complete at a moment: the oldest instant, hour or day it still holds. The hour and day
/// that contain the cutoff instant count as held: their events were accepted while they were inside the period.
/// Ingest skips a tier for an event older than its coverage and the planner only sends ranges inside it, so
/// rows the trimming job has not reached yet never change an answer.
/// </summary>
public readonly record struct TierCoverage(DateTime RawFromUtc, long HourlyFromHour, int DailyFromDay)
{
    public static TierCoverage At(DateTime nowUtc, RetentionOptions retention) => new(
        nowUtc - retention.RawEvents,
        HourOf(nowUtc - retention.HourlyRollups),
        DateOnly.FromDateTime(nowUtc - retention.DailyRollups).DayNumber);

    public static long HourOf(DateTime utc) => utc.Ticks / TimeSpan.TicksPerHour;

    public static int DayOf(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeBuckets.ToLocal(utc, zone)).DayNumber;

    public DateTime HourlyFromUtc => new(HourlyFromHour * TimeSpan.TicksPerHour, DateTimeKind.Utc);
}
