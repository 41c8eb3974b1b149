using System.Globalization;
using Analytics.Core.Errors;

namespace Analytics.Core.Metrics;

/// <summary>
/// Picks the cheapest tier that answers a query exactly: daily rollups for whole tenant-local days, hourly rollups
/// for whole hours, raw events for anything else inside the raw tier. Rollups hold one dimension pair at most, so
/// two filters, or a filter with a breakdown, need raw events.
/// </summary>
public static class MetricPlanner
{
    public static MetricTier Choose(MetricQuery query, TimeZoneInfo zone, TierCoverage coverage, RetentionPeriods retention)
    {
        var rollups = query.DimensionCount <= 1;
        if (rollups && query.GroupBy != MetricGrouping.Hour && IsLocalMidnight(query.FromUtc, zone) && IsLocalMidnight(query.ToUtc, zone)
            && TierCoverage.DayOf(query.FromUtc, zone) >= coverage.DailyFromDay)
            return MetricTier.Daily;
        if (rollups && IsWholeHour(query.FromUtc) && IsWholeHour(query.ToUtc) && HasWholeHourOffsets(zone, query.FromUtc, query.ToUtc)
            && TierCoverage.HourOf(query.FromUtc) >= coverage.HourlyFromHour)
            return MetricTier.Hourly;
        if (query.FromUtc >= coverage.RawFromUtc)
            return MetricTier.Raw;
        throw new UnprocessableException(Why(query, zone, coverage, retention));
    }

    private static string Why(MetricQuery query, TimeZoneInfo zone, TierCoverage coverage, RetentionPeriods retention)
    {
        var age = (int)Math.Ceiling((coverage.NowUtc - query.FromUtc).TotalDays);
        var raw = Days(retention.RawEvents);
        if (TierCoverage.DayOf(query.FromUtc, zone) < coverage.DailyFromDay)
            return $"Metrics are kept for {Days(retention.DailyRollups)} days; this range starts {age} days ago.";
        if (query.DimensionCount > 1)
            return $"Filtering or breaking down by {query.DimensionCount} dimensions needs raw events, which are kept for {raw} days; this range starts {age} days ago. Use one dimension, or a shorter range.";
        if (query.GroupBy == MetricGrouping.Hour && TierCoverage.HourOf(query.FromUtc) < coverage.HourlyFromHour)
            return $"Hourly data is kept for {Days(retention.HourlyRollups)} days; this range starts {age} days ago. Group by day or coarser, or shorten the range.";
        return $"Beyond the {raw} days of raw events a range must start and end on whole days (whole hours for group_by=hour, within {Days(retention.HourlyRollups)} days).";
    }

    private static string Days(TimeSpan span) => span.TotalDays.ToString("0", CultureInfo.InvariantCulture);

    private static bool IsLocalMidnight(DateTime utc, TimeZoneInfo zone) => TimeBuckets.ToLocal(utc, zone).TimeOfDay == TimeSpan.Zero;

    private static bool IsWholeHour(DateTime utc) => utc.Ticks % TimeSpan.TicksPerHour == 0;

    /// <summary>Hourly rollups are UTC hours: they only add up to local days where the zone is a whole number of hours off UTC.</summary>
    private static bool HasWholeHourOffsets(TimeZoneInfo zone, DateTime fromUtc, DateTime toUtc) =>
        zone.GetUtcOffset(fromUtc).Ticks % TimeSpan.TicksPerHour == 0
        && zone.GetAdjustmentRules()
            .Where(r => r.DateEnd >= fromUtc.AddDays(-1) && r.DateStart <= toUtc.AddDays(1))
            .All(r => (zone.BaseUtcOffset + r.BaseUtcOffsetDelta).Ticks % TimeSpan.TicksPerHour == 0 && r.DaylightDelta.Ticks % TimeSpan.TicksPerHour == 0);
}
