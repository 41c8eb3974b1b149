using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;

namespace Analytics.Core.Reports;

/// <summary>
/// Schedules as cron expressions: daily, weekly and monthly become five-field expressions, and Cronos computes the
/// occurrences in the tenant's zone. Across DST a skipped local time runs right after the jump and a repeated one once.
/// </summary>
public static partial class ReportSchedule
{
    public const string Daily = "daily";
    public const string Weekly = "weekly";
    public const string Monthly = "monthly";
    public const string CronFrequency = "cron";
    public const string LastDay = "last";

    public static readonly IReadOnlyList<string> Frequencies = [Daily, Weekly, Monthly, CronFrequency];

    public static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    [GeneratedRegex("^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    public static partial Regex TimePattern();

    /// <summary>The cron expression of a valid daily, weekly or monthly schedule.</summary>
    public static string ToCron(string frequency, string? day, string time)
    {
        var hour = int.Parse(time[..2], CultureInfo.InvariantCulture);
        var minute = int.Parse(time[3..], CultureInfo.InvariantCulture);
        return frequency switch
        {
            Daily => $"{minute} {hour} * * *",
            Weekly => $"{minute} {hour} * * {(Array.IndexOf(Weekdays, Weekday(day!)!) + 1) % 7}",
            Monthly => $"{minute} {hour} {(day == LastDay ? "L" : int.Parse(day!, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture))} * *",
            _ => throw new ArgumentOutOfRangeException(nameof(frequency)),
        };
    }

    /// <summary>A weekday's full lower-case name from its name or three-letter abbreviation, else null.</summary>
    public static string? Weekday(string? day)
    {
        if (day is null) return null;
        var d = day.Trim().ToLowerInvariant();
        return Weekdays.FirstOrDefault(w => w == d || (d.Length == 3 && w.StartsWith(d, StringComparison.Ordinal)));
    }

    public static bool TryParse(string expression, out CronExpression? cron)
    {
        cron = null;
        if (string.IsNullOrWhiteSpace(expression) || expression.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 5) return false;
        return CronExpression.TryParse(expression.Trim(), CronFormat.Standard, out cron);
    }

    /// <summary>The first occurrence strictly after <paramref name="afterUtc"/>, in UTC; null when the expression never fires again.</summary>
    public static DateTime? Next(string cron, DateTime afterUtc, TimeZoneInfo zone) =>
        CronExpression.Parse(cron, CronFormat.Standard).GetNextOccurrence(DateTime.SpecifyKind(afterUtc, DateTimeKind.Utc), zone, inclusive: false);

    /// <summary>The next <paramref name="count"/> occurrences after <paramref name="afterUtc"/>, for a preview.</summary>
    public static IReadOnlyList<DateTime> NextOccurrences(string cron, DateTime afterUtc, TimeZoneInfo zone, int count)
    {
        var list = new List<DateTime>(count);
        var at = afterUtc;
        while (list.Count < count && Next(cron, at, zone) is { } next)
        {
            list.Add(next);
            at = next;
        }
        return list;
    }

    /// <summary>The latest occurrence in (<paramref name="sinceUtc"/>, <paramref name="untilUtc"/>], the one a catch-up runs; null if none.</summary>
    public static DateTime? Latest(string cron, DateTime sinceUtc, DateTime untilUtc, TimeZoneInfo zone) =>
        CronExpression.Parse(cron, CronFormat.Standard)
            .GetOccurrences(DateTime.SpecifyKind(sinceUtc, DateTimeKind.Utc), DateTime.SpecifyKind(untilUtc, DateTimeKind.Utc), zone, fromInclusive: false, toInclusive: true)
            .Select(o => (DateTime?)o).LastOrDefault();

    /// <summary>A sentence for people: "Every Monday at 08:00", "Every day at 06:30", "Cron 0 */6 * * *".</summary>
    public static string Describe(string? frequency, string? day, string? time, string? cron) => frequency switch
    {
        null => "On demand",
        Daily => $"Every day at {time}",
        Weekly => $"Every {Capitalize(Weekday(day) ?? day ?? "")} at {time}",
        Monthly when day == LastDay => $"On the last day of every month at {time}",
        Monthly => $"On day {day} of every month at {time}",
        _ => $"Cron {cron}",
    };

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
