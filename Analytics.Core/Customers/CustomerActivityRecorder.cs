using System.Data.Common;
using System.Text.Json;
using Analytics.Core.Data;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static Analytics.Core.Customers.SegmentEvaluator;

namespace Analytics.Core.Customers;

/// <summary>
/// The customer side of ingest. Events with a <c>customer_id</c> create unknown profiles, add to the customer's
/// activity and move first/last seen, LTV and order count by exactly their own share, inside the ingest transaction;
/// nothing is recomputed from history, so a profile stays right however old it is. Engagement and segment membership
/// of the customers a batch touched are settled just after, outside the transaction (<see cref="CustomerSettler"/>).
/// </summary>
public sealed partial class CustomerActivityRecorder(TenantCurrencies rates, IOptions<CustomerOptions> options, ILogger<CustomerActivityRecorder> logger)
{
    /// <summary>What one customer's events in a batch add to the profile.</summary>
    internal sealed class Delta
    {
        public long Key;
        public long LtvCents;
        public int Orders;
        public long FirstTicks = long.MaxValue;
        public long LastTicks = long.MinValue;
        public string? Country;
    }

    /// <summary>A batch's customer writes, prepared before the transaction so that it holds the writer only to write.</summary>
    public sealed class Changes
    {
        private readonly int _tenantId;
        private readonly Dictionary<string, Delta> _deltas;
        private readonly List<(Delta Customer, long Ticks, MetricEventInput Event, string Dimensions)> _activity;

        internal Changes(int tenantId, Dictionary<string, Delta> deltas, List<(Delta, long, MetricEventInput, string)> activity)
        {
            _tenantId = tenantId;
            _deltas = deltas;
            _activity = activity;
        }

        /// <summary>The profile keys written; known after <see cref="Write"/>.</summary>
        public IEnumerable<long> Keys => _deltas.Values.Select(d => d.Key);

        /// <summary>Upserts the profiles and appends their activity on the ingest transaction.</summary>
        public void Write(DbTransaction tx, CancellationToken ct)
        {
            UpsertProfiles(tx, _tenantId, _deltas, ct);
            InsertActivity(tx, _tenantId, _activity, ct);
        }
    }

    /// <summary>The customer writes of a batch, or null when none of its events names a customer.</summary>
    public async Task<Changes?> PrepareAsync(int tenantId, IReadOnlyList<MetricEventInput> events, MetricBatch batch, DateTime nowUtc, CancellationToken ct)
    {
        Dictionary<string, Delta>? deltas = null;
        foreach (var e in events)
            if (e.CustomerId is { Length: > 0 } id)
            {
                deltas ??= new Dictionary<string, Delta>(StringComparer.Ordinal);
                if (!deltas.ContainsKey(id)) deltas[id] = new Delta();
            }
        if (deltas is null) return null;

        var o = options.Value;
        var currencies = await rates.ForTenantAsync(tenantId, ct);
        var activityFrom = (nowUtc - o.ActivityRetention).Ticks;
        var activity = new List<(Delta, long, MetricEventInput, string)>();
        var unconverted = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.CustomerId is not { Length: > 0 } id) continue;
            var d = deltas[id];
            var ticks = (e.Timestamp?.UtcDateTime ?? nowUtc).Ticks;
            d.FirstTicks = Math.Min(d.FirstTicks, ticks);
            d.LastTicks = Math.Max(d.LastTicks, ticks);
            var cents = CustomerFigures.LtvCents(e.Name!, e.Value!.Value, e.Dimensions?.GetValueOrDefault("currency"), currencies, o);
            if (cents is null) unconverted++;
            d.LtvCents += cents ?? 0;
            if (CustomerFigures.IsOrder(e.Name!, o)) d.Orders++;
            if (d.Country is null && e.Dimensions?.GetValueOrDefault("country") is { Length: 2 } country && country.All(char.IsAsciiLetter))
                d.Country = country.ToUpperInvariant();
            if (ticks >= activityFrom) activity.Add((d, ticks, e, batch.DimensionsJson[i]));
        }
        if (unconverted > 0) LogUnconverted(logger, unconverted, tenantId);
        return new Changes(tenantId, deltas, activity);
    }

    private static void UpsertProfiles(DbTransaction tx, int tenantId, Dictionary<string, Delta> deltas, CancellationToken ct)
    {
        using var upsert = SqliteRowWriter.On(tx, """
            INSERT INTO Customers (TenantId, ExternalId, Country, Attributes, FirstSeen, LastSeen, LtvCents, OrderCount, EngagementScore)
            VALUES (?1, ?2, ?3, '{}', ?4, ?5, ?6, ?7, 0)
            ON CONFLICT (TenantId, ExternalId) DO UPDATE SET
                Country = coalesce(Country, excluded.Country),
                FirstSeen = min(FirstSeen, excluded.FirstSeen),
                LastSeen = max(LastSeen, excluded.LastSeen),
                LtvCents = LtvCents + excluded.LtvCents,
                OrderCount = OrderCount + excluded.OrderCount
            RETURNING Id
            """);
        upsert.Bind(1, tenantId);
        foreach (var (id, d) in deltas)
        {
            upsert.Bind(2, id).Bind(3, d.Country).Bind(4, d.FirstTicks).Bind(5, d.LastTicks).Bind(6, d.LtvCents).Bind(7, d.Orders);
            d.Key = upsert.ExecuteScalarInt64(ct);
        }
    }

    private static void InsertActivity(DbTransaction tx, int tenantId, List<(Delta Customer, long Ticks, MetricEventInput Event, string Dimensions)> activity, CancellationToken ct)
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
        // (TenantId, CustomerKey, Ticks, Module) index.
        await using var read = Command(tx, keys is null
            ? """
              SELECT c.Id, c.LastSeen, c.EngagementScore, coalesce(w.Events, 0), coalesce(w.Modules, 0)
              FROM Customers c
              LEFT JOIN (SELECT CustomerKey, count(*) AS Events, count(DISTINCT Module) AS Modules FROM CustomerActivity
                         WHERE TenantId = @tenant AND Ticks >= @from GROUP BY CustomerKey) w ON w.CustomerKey = c.Id
              WHERE c.TenantId = @tenant
              """
            : """
              SELECT c.Id, c.LastSeen, c.EngagementScore,
                     (SELECT count(*) FROM CustomerActivity a WHERE a.TenantId = @tenant AND a.CustomerKey = c.Id AND a.Ticks >= @from),
                     (SELECT count(DISTINCT a.Module) FROM CustomerActivity a WHERE a.TenantId = @tenant AND a.CustomerKey = c.Id AND a.Ticks >= @from)
              FROM json_each(@keys) k CROSS JOIN Customers c ON c.Id = k.value
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} revenue events of tenant {TenantId} carry a currency without an exchange rate; they do not count toward lifetime value")]
    private static partial void LogUnconverted(ILogger logger, int count, int tenantId);
}
