namespace Analytics.Core.Metrics;

/// <summary>A tenant's retention periods in whole days (wire names <c>raw_events_days</c>, <c>hourly_rollups_days</c>, <c>daily_rollups_days</c>).</summary>
public sealed record RetentionSettings(int RawEventsDays, int HourlyRollupsDays, int DailyRollupsDays);
