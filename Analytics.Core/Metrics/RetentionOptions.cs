namespace Analytics.Core.Metrics;

/// <summary>How long each storage tier keeps its data (section <c>Retention</c>), and how the trimming job runs.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Raw metric events (per event).</summary>
    public TimeSpan RawEvents { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Hourly rollups (six months).</summary>
    public TimeSpan HourlyRollups { get; set; } = TimeSpan.FromDays(183);

    /// <summary>Daily rollups (two years); also the oldest timestamp ingest accepts.</summary>
    public TimeSpan DailyRollups { get; set; } = TimeSpan.FromDays(730);

    /// <summary>Generated report files.</summary>
    public TimeSpan Reports { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How often the trimming job runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows deleted per transaction, so ingest never waits long for the trimming job.</summary>
    public int BatchSize { get; set; } = 5_000;
}
