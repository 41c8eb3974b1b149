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
        (AnomalySeverity.High, 7, 0.5),
        (AnomalySeverity.Medium, 5, 0.35),
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
        var average = days.Average(d => d.Value);
        if (average <= 0) return null;

        // The weekday's level: the mean of the same weekdays in the window (4 or 5 of them) over the moving average.
        var weekdayMean = days.GroupBy(d => d.Day.DayOfWeek).ToDictionary(g => g.Key, g => g.Count() >= 3 ? g.Average(d => d.Value) : average);
        var expected = weekdayMean.GetValueOrDefault(day.DayOfWeek, average);
        if (expected <= 0) return null;
        var squares = days.Sum(d => Math.Pow(d.Value - weekdayMean[d.Day.DayOfWeek], 2));
        // A floor of 2 % of the level keeps a near-constant series from flagging every small wobble.
        var spread = Math.Max(Math.Sqrt(squares / (days.Count - 1)), 0.02 * average);
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

    /// <summary>Seed 000's sentence: "Revenue 77% below 30-day moving average on 2026-03-19".</summary>
    public static string Describe(string metric, double deviation, DateOnly day) =>
        FormattableString.Invariant($"{MetricKinds.Label(metric)} {Math.Round(Math.Abs(deviation) * 100):0}% {(deviation < 0 ? "below" : "above")} 30-day moving average on {day:yyyy-MM-dd}");
}
