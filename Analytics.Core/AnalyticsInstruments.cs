using System.Diagnostics.Metrics;
using Analytics.Core.Metrics;

namespace Analytics.Core;

/// <summary>
/// The product's own measurements on the <c>Analytics</c> meter: ingest volume, which storage tier answered queries,
/// and report runs by outcome. Exported over OpenTelemetry when configured and readable with dotnet-counters.
/// </summary>
public sealed class AnalyticsInstruments
{
    public const string MeterName = "Analytics";

    private readonly Counter<long> _eventsRecorded;
    private readonly Counter<long> _batchesRecorded;
    private readonly Counter<long> _queries;
    private readonly Counter<long> _reportRuns;

    public AnalyticsInstruments(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _eventsRecorded = meter.CreateCounter<long>("analytics.ingest.events", "{event}", "Metric events stored.");
        _batchesRecorded = meter.CreateCounter<long>("analytics.ingest.batches", "{batch}", "Ingest requests stored, each one transaction.");
        _queries = meter.CreateCounter<long>("analytics.query.tier_hits", "{query}", "Metric queries answered, by the tier that answered them.");
        _reportRuns = meter.CreateCounter<long>("analytics.report.runs", "{run}", "Report runs finished, by status.");
    }

    public void Recorded(int events)
    {
        _eventsRecorded.Add(events);
        _batchesRecorded.Add(1);
    }

    public void Answered(MetricTier tier) => _queries.Add(1, new KeyValuePair<string, object?>("tier", tier.ToString().ToLowerInvariant()));

    public void ReportRun(string status) => _reportRuns.Add(1, new KeyValuePair<string, object?>("status", status));
}
