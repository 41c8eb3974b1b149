using Analytics.Core.Tenancy;

namespace Analytics.Core.Metrics;

/// <summary>
/// How long one tenant's tiers keep their data, and the instant before which a tier may have lost data to a shorter
/// period it had earlier (<see cref="DateTime.MinValue"/>: none).
/// </summary>
public sealed record RetentionPeriods(TimeSpan RawEvents, TimeSpan HourlyRollups, TimeSpan DailyRollups)
{
    public DateTime RawCompleteFromUtc { get; init; } = DateTime.MinValue;
    public DateTime HourlyCompleteFromUtc { get; init; } = DateTime.MinValue;
    public DateTime DailyCompleteFromUtc { get; init; } = DateTime.MinValue;

    /// <summary>The installation's periods, for a tenant that has not set its own.</summary>
    public static RetentionPeriods Of(RetentionOptions options) => new(options.RawEvents, options.HourlyRollups, options.DailyRollups);

    public static RetentionPeriods For(Tenant tenant, RetentionOptions defaults)
    {
        var own = tenant.Retention;
        return new RetentionPeriods(
            own.RawEventsDays is { } raw ? TimeSpan.FromDays(raw) : defaults.RawEvents,
            own.HourlyRollupsDays is { } hourly ? TimeSpan.FromDays(hourly) : defaults.HourlyRollups,
            own.DailyRollupsDays is { } daily ? TimeSpan.FromDays(daily) : defaults.DailyRollups)
        {
            RawCompleteFromUtc = own.RawCompleteFromUtc ?? DateTime.MinValue,
            HourlyCompleteFromUtc = own.HourlyCompleteFromUtc ?? DateTime.MinValue,
            DailyCompleteFromUtc = own.DailyCompleteFromUtc ?? DateTime.MinValue,
        };
    }
}
