using System.Data.Common;
using System.Text.Json;
using Analytics.Core.Data;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Metrics;

/// <summary>Records metric events: a batch is validated whole, then written in one transaction, or not at all.</summary>
public sealed class MetricIngestService(AnalyticsDbContext db, IOptions<IngestOptions> options, TimeProvider clock)
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
        var errors = new Dictionary<string, List<string>>();
        for (var i = 0; i < events.Count; i++)
            MetricEventValidator.Validate(events[i], events.Count == 1 ? "" : $"[{i}]", now, limits, errors);
        if (errors.Count > 0)
            throw new InvalidInputException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), "Some events are invalid; none were recorded.");

        await InsertAsync(caller.TenantId, events, now, ct);
        return events.Count;
    }

    private async Task InsertAsync(int tenantId, IReadOnlyList<MetricEventInput> events, DateTime now, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var connection = db.Database.GetDbConnection();
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx.GetDbTransaction();
            insert.CommandText =
                "INSERT INTO MetricEvents (TenantId, Name, Module, Value, Timestamp, CustomerId, Dimensions) " +
                "VALUES (@tenant, @name, @module, @value, @ts, @customer, @dims)";
            var tenant = Add(insert, "@tenant");
            var name = Add(insert, "@name");
            var module = Add(insert, "@module");
            var value = Add(insert, "@value");
            var ts = Add(insert, "@ts");
            var customer = Add(insert, "@customer");
            var dims = Add(insert, "@dims");
            tenant.Value = tenantId;
            await insert.PrepareAsync(ct);

            foreach (var e in events)
            {
                name.Value = e.Name;
                module.Value = e.Module;
                value.Value = e.Value!.Value;
                ts.Value = (e.Timestamp?.UtcDateTime ?? now).Ticks;
                customer.Value = (object?)e.CustomerId ?? DBNull.Value;
                dims.Value = e.Dimensions is { Count: > 0 } d ? JsonSerializer.Serialize(d) : "{}";
                await insert.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
        });
    }

    private static DbParameter Add(DbCommand command, string name)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        command.Parameters.Add(p);
        return p;
    }
}
