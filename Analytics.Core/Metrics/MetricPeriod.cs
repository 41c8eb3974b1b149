using Analytics.Core.Errors;

namespace Analytics.Core.Metrics;

/// <summary>The named periods of widgets (seed 004), resolved to UTC bounds in the tenant's zone; every period ends with today.</summary>
public static class MetricPeriod
{
    public static readonly IReadOnlyList<string> All = ["today", "yesterday", "7d", "30d", "90d", "mtd", "qtd", "ytd", "12m"];

    /// <summary>The named periods as people read them, in the order of <see cref="All"/>.</summary>
    public static readonly IReadOnlyList<(string Period, string Label)> Labels =
    [
        ("today", "Today"), ("yesterday", "Yesterday"), ("7d", "Last 7 days"), ("30d", "Last 30 days"), ("90d", "Last 90 days"),
        ("mtd", "Month to date"), ("qtd", "Quarter to date"), ("ytd", "Year to date"), ("12m", "Last 12 months"),
    ];

    /// <summary>"Last 90 days" for a named period; the dates of a custom one.</summary>
    public static string Label(string period, DateOnly? from, DateOnly? to) =>
        period == "custom" ? $"{from:yyyy-MM-dd} – {to:yyyy-MM-dd}" : Labels.FirstOrDefault(p => p.Period == period).Label ?? period;

    /// <summary>A named period, or <c>custom</c> from one tenant-local date to another, both included.</summary>
    public static (DateTime FromUtc, DateTime ToUtc) Resolve(string period, DateOnly? from, DateOnly? to, TimeZoneInfo zone, DateTime nowUtc)
    {
        if (period != "custom") return Resolve(period, zone, nowUtc);
        if (from is not { } f || to is not { } t) throw new InvalidInputException("period", "A custom period needs from and to.");
        if (f > t) throw new UnprocessableException("'from' is after 'to'.");
        return (TimeBuckets.ToUtc(f.ToDateTime(TimeOnly.MinValue), zone), TimeBuckets.ToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue), zone));
    }

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
