using Analytics.Core.Errors;

namespace Analytics.Core.Metrics;

/// <summary>The named periods of widgets (seed 004), resolved to UTC bounds in the tenant's zone; every period ends with today.</summary>
public static class MetricPeriod
{
    public static readonly IReadOnlyList<string> All = ["today", "yesterday", "7d", "30d", "90d", "mtd", "qtd", "ytd", "12m"];

    public static (DateTime FromUtc, DateTime ToUtc) Resolve(string period, TimeZoneInfo zone, DateTime nowUtc)
    {
        var today = TimeBuckets.ToLocal(nowUtc, zone).Date;
        var tomorrow = today.AddDays(1);
        var (from, to) = period switch
        {
            "today" => (today, tomorrow),
            "yesterday" => (today.AddDays(-1), today),
            "7d" => (today.AddDays(-6), tomorrow),
            "30d" => (today.AddDays(-29), tomorrow),
            "90d" => (today.AddDays(-89), tomorrow),
            "mtd" => (new DateTime(today.Year, today.Month, 1), tomorrow),
            "qtd" => (TimeBuckets.StartOf(today, MetricGrouping.Quarter), tomorrow),
            "ytd" => (new DateTime(today.Year, 1, 1), tomorrow),
            "12m" => (today.AddMonths(-12).AddDays(1), tomorrow),
            _ => throw new InvalidInputException("period", $"Unknown period; use one of {string.Join(", ", All)} or custom."),
        };
        return (TimeBuckets.ToUtc(from, zone), TimeBuckets.ToUtc(to, zone));
    }
}
