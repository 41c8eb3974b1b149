using Analytics.Core.Tenancy;

namespace Analytics.Core.Insights;

/// <summary>A day on which a metric strayed from its trailing 30-day baseline; stored once, so <see cref="DetectedAt"/> is stable.</summary>
public sealed class Anomaly : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public required string Metric { get; set; }
    /// <summary>The tenant-local day the figure belongs to.</summary>
    public DateOnly Day { get; set; }
    public AnomalySeverity Severity { get; set; }
    /// <summary>The baseline: the trailing 30-day moving average, adjusted for the day of the week.</summary>
    public double Expected { get; set; }
    public double Actual { get; set; }
    /// <summary>(actual − expected) / expected: −0.77 is 77 % below.</summary>
    public double Deviation { get; set; }
    /// <summary>Standard scores off the baseline: (actual − expected) / spread.</summary>
    public double Score { get; set; }
    public required string Description { get; set; }
    public DateTime DetectedAt { get; set; }
}
