namespace Analytics.Core.Customers;

/// <summary>The engagement formula of <see cref="CustomerOptions"/>: recency, frequency and breadth over a window.</summary>
public static class EngagementScore
{
    public static int Compute(DateTime lastSeenUtc, DateTime nowUtc, long eventsInWindow, int modulesInWindow, CustomerOptions options)
    {
        var windowDays = Math.Max(options.EngagementWindow.TotalDays, 1);
        var age = Math.Max(0, (nowUtc - lastSeenUtc).TotalDays);
        var recency = Math.Max(0, 1 - age / windowDays);
        var frequency = eventsInWindow <= 0 ? 0 : Math.Min(1, Math.Log(1 + eventsInWindow) / Math.Log(1 + Math.Max(1, options.FrequencyTarget)));
        var breadth = Math.Min(1, modulesInWindow / (double)Math.Max(1, options.BreadthTarget));
        var weights = options.RecencyWeight + options.FrequencyWeight + options.BreadthWeight;
        if (weights <= 0) return 0;
        var score = 100 * (options.RecencyWeight * recency + options.FrequencyWeight * frequency + options.BreadthWeight * breadth) / weights;
        return (int)Math.Clamp(Math.Round(score, MidpointRounding.AwayFromZero), 0, 100);
    }
}
