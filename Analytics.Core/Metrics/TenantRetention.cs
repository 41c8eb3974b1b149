namespace Analytics.Core.Metrics;

/// <summary>
/// A tenant's own retention periods, stored with the tenant; a null period means the installation's
/// <see cref="RetentionOptions"/>. When a period is lengthened, the tier holds nothing older than what the shorter
/// period kept at that moment, so each tier also remembers from when on it is complete.
/// </summary>
public sealed class TenantRetention
{
    public int? RawEventsDays { get; set; }
    public int? HourlyRollupsDays { get; set; }
    public int? DailyRollupsDays { get; set; }

    public DateTime? RawCompleteFromUtc { get; set; }
    public DateTime? HourlyCompleteFromUtc { get; set; }
    public DateTime? DailyCompleteFromUtc { get; set; }
}
