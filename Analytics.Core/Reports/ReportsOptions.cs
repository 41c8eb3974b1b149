namespace Analytics.Core.Reports;

/// <summary>How reports are generated and delivered (section <c>Reports</c>). How long runs are kept: <c>Retention:Reports</c>.</summary>
public sealed class ReportsOptions
{
    public const string Section = "Reports";

    /// <summary>Runs the scheduler on this node; turn off on nodes that should only serve requests.</summary>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>How often the scheduler looks for due occurrences, queued runs and deliveries to retry.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A run still "running" after this long was cut off by a stop or crash and is started again.</summary>
    public TimeSpan RunTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Times an interrupted run is started before it is marked failed.</summary>
    public int MaxRunAttempts { get; set; } = 3;

    /// <summary>Emails larger than this carry a download link instead of the file.</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The address people reach the app at, for links in emails.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Attempts to deliver a run's email before it is marked failed.</summary>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>The wait after the first failed delivery; it doubles after each further failure.</summary>
    public TimeSpan DeliveryRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
}
