using System.Globalization;
using Analytics.Core.Errors;
using Analytics.Core.Metrics;

namespace Analytics.Core.Reports;

/// <summary>
/// The <c>date_range</c> presets of a report, resolved in the tenant's zone against the run's reference time (the
/// scheduled occurrence). "Last N days", "last month" and "last quarter" are whole past days, so a Monday 08:00 weekly
/// report covers Monday to Sunday of the week before; the "to date" presets run up to the end of the reference day.
/// </summary>
public static class ReportDateRange
{
    public const string Today = "today";
    public const string Yesterday = "yesterday";
    public const string Last7Days = "last_7_days";
    public const string Last30Days = "last_30_days";
    public const string Last90Days = "last_90_days";
    public const string MonthToDate = "month_to_date";
    public const string LastMonth = "last_month";
    public const string QuarterToDate = "quarter_to_date";
    public const string LastQuarter = "last_quarter";
    public const string YearToDate = "year_to_date";
    public const string Custom = "custom";

    public static readonly IReadOnlyList<string> Presets =
        [Today, Yesterday, Last7Days, Last30Days, Last90Days, MonthToDate, LastMonth, QuarterToDate, LastQuarter, YearToDate];

    public static bool IsKnown(string range) => range == Custom || Presets.Contains(range);

    /// <summary>The period a range covers, with a label such as "Last 7 days (2026-03-09 – 2026-03-15)".</summary>
    public static ResolvedPeriod Resolve(string range, DateOnly? from, DateOnly? to, TimeZoneInfo zone, DateTime referenceUtc)
    {
        var today = DateOnly.FromDateTime(TimeBuckets.ToLocal(referenceUtc, zone));
        var quarterStart = DateOnly.FromDateTime(TimeBuckets.StartOf(today.ToDateTime(TimeOnly.MinValue), MetricGrouping.Quarter));
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        // Both bounds are tenant-local dates, the last one included.
        var (first, last) = range switch
        {
            Today => (today, today),
            Yesterday => (today.AddDays(-1), today.AddDays(-1)),
            Last7Days => (today.AddDays(-7), today.AddDays(-1)),
            Last30Days => (today.AddDays(-30), today.AddDays(-1)),
            Last90Days => (today.AddDays(-90), today.AddDays(-1)),
            MonthToDate => (monthStart, today),
            LastMonth => (monthStart.AddMonths(-1), monthStart.AddDays(-1)),
            QuarterToDate => (quarterStart, today),
            LastQuarter => (quarterStart.AddMonths(-3), quarterStart.AddDays(-1)),
            YearToDate => (new DateOnly(today.Year, 1, 1), today),
            Custom when from is { } f && to is { } t => f <= t ? (f, t) : throw new UnprocessableException("'from' is after 'to'."),
            Custom => throw new InvalidInputException("filters.date_range", "A custom date range needs from and to."),
            _ => throw new InvalidInputException("filters.date_range", $"Use one of {string.Join(", ", Presets)} or custom."),
        };
        var fromUtc = TimeBuckets.ToUtc(first.ToDateTime(TimeOnly.MinValue), zone);
        var toUtc = TimeBuckets.ToUtc(last.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        var days = last.DayNumber - first.DayNumber + 1;
        var grouping = days <= 2 ? MetricGrouping.Hour : days <= 62 ? MetricGrouping.Day : days <= 190 ? MetricGrouping.Week : MetricGrouping.Month;
        var dates = first == last ? Format(first) : $"{Format(first)} – {Format(last)}";
        return new ResolvedPeriod(fromUtc, toUtc, $"{Title(range)} ({dates})", grouping);
    }

    public static string Title(string range) => range switch
    {
        Custom => "Custom period",
        _ => char.ToUpperInvariant(range[0]) + range[1..].Replace('_', ' '),
    };

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
