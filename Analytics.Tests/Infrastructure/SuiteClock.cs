using System.Globalization;

namespace Analytics.Tests.Infrastructure;

/// <summary>
/// The instant the whole suite runs at, so no test depends on the hour it happens to be started.
/// <c>ANALYTICS_TEST_NOW</c> sets it: an ISO 8601 instant (<c>2026-12-01T00:05:00Z</c>) or a UTC time of day
/// (<c>23:55</c>, on the day the run starts). Unset, the suite runs at noon UTC of that day. From there the clock moves
/// on in real time, so timers, delays and timeouts behave as they do in production. Every app under test
/// (<see cref="AnalyticsAppFactory"/>, the browser app and its demo seed) reads this clock, and tests compute their
/// dates from <see cref="Now"/>.
/// </summary>
public static class SuiteClock
{
    public const string Variable = "ANALYTICS_TEST_NOW";

    private static readonly Shifted Clock = new(Start(Environment.GetEnvironmentVariable(Variable), DateTimeOffset.UtcNow));

    /// <summary>The clock every app under test runs on.</summary>
    public static TimeProvider Provider => Clock;

    public static DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>The suite's UTC date (the demo tenant's zone is UTC).</summary>
    public static DateTime Today => Now.UtcDateTime.Date;

    /// <summary>Where the run starts: the setting, read against the real instant it was read at.</summary>
    public static DateTimeOffset Start(string? setting, DateTimeOffset real)
    {
        if (string.IsNullOrWhiteSpace(setting)) return new DateTimeOffset(real.UtcDateTime.Date.AddHours(12), TimeSpan.Zero);
        if (TimeOnly.TryParseExact(setting, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return new DateTimeOffset(real.UtcDateTime.Date + time.ToTimeSpan(), TimeSpan.Zero);
        if (DateTimeOffset.TryParse(setting, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return instant.ToUniversalTime();
        throw new InvalidOperationException($"{Variable}='{setting}' is neither an ISO 8601 instant nor a time of day HH:mm.");
    }

    /// <summary>The system clock moved to <paramref name="start"/>; timers and timestamps stay the system's.</summary>
    private sealed class Shifted(DateTimeOffset start) : TimeProvider
    {
        private readonly TimeSpan _offset = start - System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
    }
}
