namespace Analytics.Core.Metrics;

/// <summary>Limits on one ingest request (section <c>Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Most events one request may carry; beyond it the answer is 413.</summary>
    public int MaxEvents { get; set; } = 10_000;

    /// <summary>Largest request body in bytes; beyond it the answer is 413.</summary>
    public long MaxBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How far ahead of the server clock a timestamp may be.</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(5);
}
