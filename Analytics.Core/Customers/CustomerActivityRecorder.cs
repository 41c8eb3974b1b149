using System.Data.Common;
using System.Text.Json;
using Analytics.Core.Data;
using Analytics.Core.Metrics;
using static Analytics.Core.Customers.SegmentEvaluator;

namespace Analytics.Core.Customers;

/// <summary>
/// The customer side of ingest. Inside the ingest transaction it only appends: events with a <c>customer_id</c> find
/// (or create) their profile and become rows of the customer's activity. What the activity adds to a profile — first
/// and last seen, LTV, order count, engagement, segments — <see cref="CustomerSettler"/> applies just after, exactly
/// once, in transactions of its own; so a batch holds SQLite's one writer for its own rows alone.
/// </summary>
public static partial class CustomerActivityRecorder
{
    /// <summary>One customer of a batch: when a new profile is created, it starts with these.</summary>
    internal sealed class Customer
    {
        public long Key;
        public long FirstTicks = long.MaxValue;
        public long LastTicks = long.MinValue;
        public string? Country;
    }

    /// <summary>A batch's customer writes, prepared before the transaction so that it holds the writer only to write.</summary>
    public sealed class Changes
    {
        private readonly int _tenantId;
        private readonly Dictionary<string, Customer> _customers;
        private readonly List<(Customer Customer, long Ticks, MetricEventInput Event, string Dimensions)> _activity;

        internal Changes(int tenantId, Dictionary<string, Customer> customers, List<(Customer, long, MetricEventInput, string)> activity)
        {
            _tenantId = tenantId;
            _customers = customers;
            _activity = activity;
        }

        /// <summary>Finds or creates the profiles and appends their activity on the ingest transaction.</summary>
        public Task WriteAsync(DbTransaction tx, CancellationToken ct)
        {
            if (tx is Npgsql.NpgsqlTransaction) return WritePostgresAsync(tx, _tenantId, _customers, _activity, ct);
            FindOrCreateProfiles(tx, _tenantId, _customers, ct);
            InsertActivity(tx, _tenantId, _activity, ct);
            return Task.CompletedTask;
        }
    }

    /// <summary>The customer writes of a batch, or null when none of its events names a customer.</summary>
    public static Changes? Prepare(int tenantId, IReadOnlyList<MetricEventInput> events, MetricBatch batch, DateTime nowUtc)
    {
        Dictionary<string, Customer>? customers = null;
        List<(Customer, long, MetricEventInput, string)>? activity = null;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.CustomerId is not { Length: > 0 } id) continue;
            customers ??= new Dictionary<string, Customer>(StringComparer.Ordinal);
            activity ??= [];
            ref var customer = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(customers, id, out _);
            customer ??= new Customer();
            var ticks = (e.Timestamp?.UtcDateTime ?? nowUtc).Ticks;
            customer.FirstTicks = Math.Min(customer.FirstTicks, ticks);
            customer.LastTicks = Math.Max(customer.LastTicks, ticks);
            customer.Country ??= CustomerFigures.CountryOf(e.Dimensions?.GetValueOrDefault("country"));
            activity.Add((customer, ticks, e, batch.DimensionsJson[i]));
        }
        return customers is null ? null : new Changes(tenantId, customers, activity!);
    }

    private static void FindOrCreateProfiles(DbTransaction tx, int tenantId, Dictionary<string, Customer> customers, CancellationToken ct)
    {
        using var find = SqliteRowWriter.On(tx, "SELECT Id FROM Customers WHERE TenantId = ?1 AND ExternalId = ?2");
        using var create = SqliteRowWriter.On(tx, """
            INSERT INTO Customers (TenantId, ExternalId, Country, Attributes, FirstSeen, LastSeen, LtvCents, OrderCount, EngagementScore)
            VALUES (?1, ?2, ?3, '{}', ?4, ?5, 0, 0, 0)
            RETURNING Id
            """);
        find.Bind(1, tenantId);
        create.Bind(1, tenantId);
        foreach (var (id, c) in customers)
        {
            // Ids start at 1: 0 means no such profile yet.
            c.Key = find.Bind(2, id).ExecuteScalarInt64(ct);
            if (c.Key == 0) c.Key = create.Bind(2, id).Bind(3, c.Country).Bind(4, c.FirstTicks).Bind(5, c.LastTicks).ExecuteScalarInt64(ct);
        }
    }

    private static void InsertActivity(DbTransaction tx, int tenantId, List<(Customer Customer, long Ticks, MetricEventInput Event, string Dimensions)> activity, CancellationToken ct)
    {
        using var insert = SqliteRowWriter.On(tx, """
            INSERT INTO CustomerActivity (TenantId, CustomerKey, Ticks, Name, Module, Value, Dimensions)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            """);
        insert.Bind(1, tenantId);
        // In (customer, time) order, consecutive rows land on the same pages of the customer index.
        foreach (var (customer, ticks, e, dimensions) in activity.OrderBy(r => r.Customer.Key).ThenBy(r => r.Ticks))
        {
            insert.Bind(2, customer.Key).Bind(3, ticks).Bind(4, e.Name).Bind(5, e.Module).Bind(6, e.Value!.Value).Bind(7, dimensions);
            insert.Execute(ct);
        }
    }

    /// <summary>Recomputes the engagement score of the given profiles from their activity in the window.</summary>
    internal static async Task RescoreAsync(DbTransaction tx, int tenantId, IReadOnlyCollection<long>? keys, DateTime nowUtc, CustomerOptions o, CancellationToken ct)
    {
        // All profiles: one pass grouping the window's activity. A few: the ids drive, each counted by a seek of the
        // (CustomerKey, Ticks, Module, TenantId) index.
        await using var read = Command(tx, keys is null
            ? """
              SELECT c.Id, c.LastSeen, c.EngagementScore, coalesce(w.Events, 0), coalesce(w.Modules, 0)
              FROM Customers c
              LEFT JOIN (SELECT CustomerKey, count(*) AS Events, count(DISTINCT Module) AS Modules FROM CustomerActivity
                         WHERE TenantId = @tenant AND Ticks >= @from GROUP BY CustomerKey) w ON w.CustomerKey = c.Id
              WHERE c.TenantId = @tenant
              """
            : $"""
              SELECT c.Id, c.LastSeen, c.EngagementScore,
                     (SELECT count(*) FROM CustomerActivity a WHERE a.TenantId = @tenant AND a.CustomerKey = c.Id AND a.Ticks >= @from),
                     (SELECT count(DISTINCT a.Module) FROM CustomerActivity a WHERE a.TenantId = @tenant AND a.CustomerKey = c.Id AND a.Ticks >= @from)
              FROM {SqlDialect.CustomersOf(tx.Connection!, "@keys")}
              WHERE c.TenantId = @tenant
              """);
        Add(read, "@tenant", tenantId);
        Add(read, "@from", (nowUtc - o.EngagementWindow).Ticks);
        if (keys is not null) Add(read, "@keys", JsonSerializer.Serialize(keys));
        var changed = new List<(long Id, int Score)>();
        await using (var reader = await read.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                var score = EngagementScore.Compute(new DateTime(reader.GetInt64(1), DateTimeKind.Utc), nowUtc, reader.GetInt64(3), reader.GetInt32(4), o);
                if (score != reader.GetInt32(2)) changed.Add((reader.GetInt64(0), score));
            }
        if (changed.Count == 0) return;
        await using var update = Command(tx, "UPDATE Customers SET EngagementScore = @score WHERE Id = @id");
        var id = Add(update, "@id", 0L);
        var s = Add(update, "@score", 0);
        await update.PrepareAsync(ct);
        foreach (var (key, score) in changed)
        {
            id.Value = key;
            s.Value = score;
            update.ExecuteNonQuery();
        }
    }
}
