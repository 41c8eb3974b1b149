using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;

namespace Analytics.Core.Customers;

/// <summary>
/// What a customer's history adds up to. Ingest applies <see cref="LtvCents"/> and <see cref="IsOrder"/> one event at a
/// time; <see cref="FromHistory"/> recomputes everything from a whole history, which the incremental figures must equal.
/// </summary>
public sealed record CustomerFigures(DateTime FirstSeen, DateTime LastSeen, decimal Ltv, int OrderCount, int EngagementScore)
{
    /// <summary>
    /// The event's contribution to lifetime value in hundredths of the tenant currency (revenue adds, refunds take
    /// off, anything else is 0), rounded per event so sums are exact; null when it cannot be counted: its currency has
    /// no rate, or its value is out of range (stored before ingest refused such values) or converts to more cents than fit.
    /// </summary>
    public static long? LtvCents(string name, double value, string? currency, CurrencyTable currencies, CustomerOptions options)
    {
        var sign = options.RevenueMetrics.Contains(name) ? 1 : options.RefundMetrics.Contains(name) ? -1 : 0;
        if (sign == 0) return 0;
        if (!MetricValueRange.Holds(value) || !currencies.TryConvert((decimal)value, currency, out var converted)) return null;
        var cents = Math.Round(converted * 100m, MidpointRounding.AwayFromZero);
        return cents is >= long.MinValue and <= long.MaxValue ? sign * (long)cents : null;
    }

    public static bool IsOrder(string name, CustomerOptions options) => name == options.OrderMetric;

    /// <summary>A <c>country</c> dimension that is an ISO 3166-1 alpha-2 code, upper-cased; otherwise null.</summary>
    public static string? CountryOf(string? value) =>
        value is { Length: 2 } && value.All(char.IsAsciiLetter) ? value.ToUpperInvariant() : null;

    public static CustomerFigures FromHistory(IReadOnlyCollection<CustomerEvent> events, DateTime nowUtc, CurrencyTable currencies, CustomerOptions options)
    {
        if (events.Count == 0) return new CustomerFigures(nowUtc, nowUtc, 0, 0, 0);
        var windowStart = nowUtc - options.EngagementWindow;
        var cents = events.Sum(e => LtvCents(e.Name, e.Value, e.Currency, currencies, options) ?? 0);
        var inWindow = events.Where(e => e.TimestampUtc >= windowStart).ToList();
        var lastSeen = events.Max(e => e.TimestampUtc);
        return new CustomerFigures(
            events.Min(e => e.TimestampUtc),
            lastSeen,
            cents / 100m,
            events.Count(e => IsOrder(e.Name, options)),
            Customers.EngagementScore.Compute(lastSeen, nowUtc, inWindow.Count, inWindow.Select(e => e.Module).Distinct().Count(), options));
    }
}
