using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Metrics;

/// <summary>
/// Records metric events. A batch is validated whole; then its raw rows and the rollup rows it touches are written
/// in one transaction, or nothing is; after commit the change feed hears which metrics changed.
/// </summary>
public sealed class MetricIngestService(
    MetricWriteQueue writes,
    TenantDirectory tenants,
    IMetricChangeFeed changes,
    Customers.CustomerSettler settler,
    IOptions<IngestOptions> options,
    IOptions<RetentionOptions> retention,
    AnalyticsInstruments instruments,
    ModuleDirectory modules,
    TimeProvider clock)
{
    /// <summary>Validates and stores the events; returns how many were stored.</summary>
    public async Task<int> RecordAsync(Caller caller, IReadOnlyList<MetricEventInput> events, CancellationToken ct)
    {
        if (!caller.CanWrite) throw new ForbiddenException("This key may only read.");
        if (events.Count == 0) throw new InvalidInputException("events", "Send at least one event.");
        var limits = options.Value;
        if (events.Count > limits.MaxEvents)
            throw new TooLargeException($"A request carries at most {limits.MaxEvents} events; this one has {events.Count}.");

        var now = clock.GetUtcNow().UtcDateTime;
        var tenant = await tenants.GetAsync(caller.TenantId, ct);
        var periods = RetentionPeriods.For(tenant, retention.Value);
        // The tenant's own modules are read only when an event names one beyond the defaults: most batches need no query.
        var moduleNames = events.Any(e => e.Module is { } m && !Modules.IsKnown(m)) ? await modules.NamesAsync(caller.TenantId, ct) : null;
        var errors = new Dictionary<string, List<string>>();
        for (var i = 0; i < events.Count; i++)
            MetricEventValidator.Validate(events[i], events.Count == 1 ? "" : $"[{i}]", now, limits, periods.DailyRollups, errors, moduleNames);
        if (errors.Count > 0)
            throw new InvalidInputException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), "Some events are invalid; none were recorded.");

        var batch = MetricBatch.Aggregate(events, tenant.Zone, now, TierCoverage.At(now, periods));
        var touched = Customers.CustomerActivityRecorder.Prepare(caller.TenantId, events, batch, now);
        await writes.WriteAsync(new MetricWrite(caller.TenantId, batch, touched is null ? null : touched.WriteAsync), ct);
        if (touched is not null) settler.Touched(caller.TenantId);
        instruments.Recorded(events.Count);
        changes.Publish(caller.TenantId, batch.Names);
        return events.Count;
    }
}
