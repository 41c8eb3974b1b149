using System.Globalization;

namespace Analytics.Core.Metrics;

/// <summary>Bucket arithmetic in a tenant's zone: where a bucket starts, where the next begins, and its label.</summary>
public static class TimeBuckets
{
    public static DateTime StartOf(DateTime local, MetricGrouping grouping) => grouping switch
    {
        MetricGrouping.Hour => new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0),
        MetricGrouping.Day => local.Date,
        MetricGrouping.Week => local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
        MetricGrouping.Month => new DateTime(local.Year, local.Month, 1),
        MetricGrouping.Quarter => new DateTime(local.Year, (local.Month - 1) / 3 * 3 + 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(grouping)),
    };

    public static DateTime Next(DateTime bucketStart, MetricGrouping grouping) => grouping switch
    {
        MetricGrouping.Hour => bucketStart.AddHours(1),
        MetricGrouping.Day => bucketStart.AddDays(1),
        MetricGrouping.Week => bucketStart.AddDays(7),
        MetricGrouping.Month => bucketStart.AddMonths(1),
        MetricGrouping.Quarter => bucketStart.AddMonths(3),
        _ => throw new ArgumentOutOfRangeException(nameof(grouping)),
    };

    public static string Label(DateTime bucketStart, MetricGrouping grouping) => grouping switch
    {
        MetricGrouping.Hour => bucketStart.ToString("yyyy-MM-dd'T'HH:00", CultureInfo.InvariantCulture),
        MetricGrouping.Day or MetricGrouping.Week => bucketStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        MetricGrouping.Month => bucketStart.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        MetricGrouping.Quarter => $"{bucketStart.Year}-Q{(bucketStart.Month - 1) / 3 + 1}",
        _ => throw new ArgumentOutOfRangeException(nameof(grouping)),
    };

    /// <summary>The UTC instant of a local wall-clock time; a time skipped by a DST jump maps to the first instant after the gap.</summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>The buckets covering [fromUtc, toUtc): each with its label and UTC bounds, the first and last clipped to the range.</summary>
    public static IReadOnlyList<(string Label, DateTime StartUtc, DateTime EndUtc)> Cover(DateTime fromUtc, DateTime toUtc, MetricGrouping grouping, TimeZoneInfo zone)
    {
        var buckets = new List<(string, DateTime, DateTime)>();
        var start = StartOf(ToLocal(fromUtc, zone), grouping);
        var startUtc = fromUtc;
        while (startUtc < toUtc)
        {
            var next = Next(start, grouping);
            var endUtc = ToUtc(next, zone);
            if (endUtc > toUtc) endUtc = toUtc;
            if (endUtc > startUtc) buckets.Add((Label(start, grouping), startUtc, endUtc));
            start = next;
            startUtc = endUtc;
        }
        return buckets;
    }
}
