using Analytics.Core.Tenancy;

namespace Analytics.Core.Reports;

/// <summary>
/// A report a tenant keeps: what it shows (metrics, or every metric of its modules), in which format, over which
/// period, when it runs by itself (<see cref="Cron"/> in the tenant's zone) and to whom it goes.
/// </summary>
public sealed class ReportDefinition : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public required string Name { get; set; }
    public List<string> Modules { get; set; } = [];
    public List<string> Metrics { get; set; } = [];
    public ReportFormat Format { get; set; }

    /// <summary>A preset of <see cref="ReportDateRange"/> or <c>custom</c> with <see cref="From"/> and <see cref="To"/>.</summary>
    public string DateRange { get; set; } = ReportDateRange.Last7Days;
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    /// <summary>Narrows the report to one module's events.</summary>
    public string? Module { get; set; }
    public Dictionary<string, string> Dimensions { get; set; } = [];
    /// <summary>A customer segment, kept for the segments feature to evaluate.</summary>
    public string? Segment { get; set; }
    /// <summary>hour, day, week, month or quarter; null lets the period choose.</summary>
    public string? GroupBy { get; set; }

    /// <summary>daily, weekly, monthly or cron; null for a report made on demand only.</summary>
    public string? Frequency { get; set; }
    /// <summary>Weekday name for weekly, day of month (1–28 or last) for monthly.</summary>
    public string? Day { get; set; }
    /// <summary>HH:mm in the tenant's zone, for daily, weekly and monthly.</summary>
    public string? Time { get; set; }
    /// <summary>The five-field cron expression the schedule amounts to (a daily, weekly or monthly schedule is turned into one).</summary>
    public string? Cron { get; set; }
    /// <summary>The next occurrence the scheduler has not claimed yet (UTC).</summary>
    public DateTime? NextRunAt { get; set; }

    public List<string> EmailTo { get; set; } = [];
    public bool Download { get; set; } = true;

    public string? OwnerId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
