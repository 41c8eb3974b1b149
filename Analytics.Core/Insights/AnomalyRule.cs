namespace Analytics.Core.Insights;

/// <summary>
/// Compares a day with the trailing 30-day moving average of its series, adjusted for the day of the week, and with
/// the spread of that window; grades how far it strays. Documented with its thresholds in docs/insights.md.
/// </summary>
public static class AnomalyRule
{
    public const int WindowDays = 30;

    /// <summary>Fewest days with data in the window for a verdict; sparser series are not judged.</summary>
    public const int MinDaysWithData = 20;

    /// <summary>Severity needs both the score (|z|) and the relative deviation at or above its grade.</summary>
    public static readonly (AnomalySeverity Severity, double Score, double Deviation)[] Grades =
    [
        (AnomalySeverity.High, 4.5, 0.5),
        (AnomalySeverity.Medium, 4, 0.35),
        (AnomalySeverity.Low, 3.5, 0.2),
    ];

    /// <summary>
    /// Judges <paramref name="actual"/> on <paramref name="day"/> against <paramref name="window"/>: the 30 days before
    /// it, oldest first, null where a day has no value. Null when there is too little to judge by.
    /// </summary>
    public static AnomalyVerdict? Judge(DateOnly day, double actual, IReadOnlyList<double?> window)
    {
        if (window.Count != WindowDays) throw new ArgumentException($"The window holds {WindowDays} days.", nameof(window));
        var days = window.Select((v, i) => (Day: day.AddDays(i - WindowDays), Value: v)).Where(d => d.Value is not null)
            .Select(d => (d.Day, Value: d.Value!.Value)).ToList();
        if (days.Count < MinDaysWithData) return null;

        // Leave out days that were outliers themselves (judged robustly, by medians), so one spike in the window
        // neither raises the baseline nor widens the spread that the next days are judged by.
        var medians = Levels(days, Median);
        var floor = 0.02 * Math.Abs(Median(days.Select(d => d.Value).ToList()));
        var robust = Math.Max(1.4826 * Median(days.Select(d => Math.Abs(d.Value - medians[d.Day.DayOfWeek])).ToList()), floor);
        var kept = days.Where(d => Math.Abs(d.Value - medians[d.Day.DayOfWeek]) <= OutlierCut * robust).ToList();
        if (kept.Count < MinDaysWithData / 2) kept = days;

        var average = kept.Average(d => d.Value);
        if (average <= 0) return null;
        // The weekday's level: the mean of the same weekdays in the window (4 or 5 of them); the moving average when too few.
        // Without three of the day's own weekday in the window its level is unknown: do not guess.
        if (kept.Count(d => d.Day.DayOfWeek == day.DayOfWeek) < 3) return null;
        var levels = Levels(kept, values => values.Average());
        var expected = levels[day.DayOfWeek];
        if (expected <= 0) return null;
        // Counts and sums of amounts spread like the square root of their level (a busy weekday varies more than
        // a quiet Sunday, but less than in proportion), so residuals are scaled by √level before they are pooled;
        // the pooled spread keeps the degrees of freedom the levels used up and is widened by the uncertainty of
        // the day's own level (the mean of k days).
        var scaled = kept.Where(d => levels[d.Day.DayOfWeek] > 0).ToList();
        var groups = scaled.Select(d => d.Day.DayOfWeek).Distinct().Count();
        var squares = scaled.Sum(d => Math.Pow(d.Value - levels[d.Day.DayOfWeek], 2) / levels[d.Day.DayOfWeek]);
        var sameDay = kept.Count(d => d.Day.DayOfWeek == day.DayOfWeek);
        // A floor of 2 % of the level keeps a near-constant series from flagging every small wobble.
        var spread = Math.Max(Math.Sqrt(squares / Math.Max(1, scaled.Count - groups) * expected), 0.02 * expected) * Math.Sqrt(1 + 1.0 / sameDay);
        var score = (actual - expected) / spread;
        var deviation = (actual - expected) / expected;
        AnomalySeverity? severity = null;
        foreach (var grade in Grades)
            if (Math.Abs(score) >= grade.Score && Math.Abs(deviation) >= grade.Deviation)
            {
                severity = grade.Severity;
                break;
            }
        return new AnomalyVerdict(expected, spread, score, deviation, severity);
    }

    /// <summary>Residuals beyond this many robust standard deviations mark a window day as an outlier.</summary>
    public const double OutlierCut = 3.5;

    /// <summary>A level per weekday (with three or more days of it), else the level of the whole window.</summary>
    private static Dictionary<DayOfWeek, double> Levels(List<(DateOnly Day, double Value)> days, Func<List<double>, double> level)
    {
        var overall = level(days.Select(d => d.Value).ToList());
        var levels = Enum.GetValues<DayOfWeek>().ToDictionary(w => w, _ => overall);
        foreach (var g in days.GroupBy(d => d.Day.DayOfWeek).Where(g => g.Count() >= 3))
            levels[g.Key] = level(g.Select(d => d.Value).ToList());
        return levels;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var n = values.Count;
        return n == 0 ? 0 : n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /// <summary>Seed 000's sentence: "Revenue 77% below 30-day moving average on 2026-03-19".</summary>
    public static string Describe(string metric, double deviation, DateOnly day) =>
        FormattableString.Invariant($"{MetricKinds.Label(metric)} {Math.Round(Math.Abs(deviation) * 100):0}% {(deviation < 0 ? "below" : "above")} 30-day moving average on {day:yyyy-MM-dd}");
}
