using System.Data.Common;
using System.Globalization;
using Analytics.Core.Data;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Core.Metrics;

/// <summary>Answers metric queries for a caller's tenant: parses wire requests, reads the store and fills every bucket.</summary>
public sealed class MetricQueryService(AnalyticsDbContext db, TenantDirectory tenants, TimeProvider clock)
{
    /// <summary>Most buckets one answer may hold; a longer range needs a coarser grouping.</summary>
    public const int MaxBuckets = 5_000;

    public async Task<MetricSeries> QueryAsync(Caller caller, MetricQueryRequest request, CancellationToken ct)
    {
        var zone = (await tenants.GetAsync(caller.TenantId, ct)).Zone;
        return await QueryAsync(caller, Parse(request, zone, clock.GetUtcNow().UtcDateTime), ct);
    }

    public async Task<MetricSeries> QueryAsync(Caller caller, MetricQuery query, CancellationToken ct)
    {
        var zone = (await tenants.GetAsync(caller.TenantId, ct)).Zone;
        var buckets = TimeBuckets.Cover(query.FromUtc, query.ToUtc, query.GroupBy, zone);
        if (buckets.Count > MaxBuckets)
            throw new UnprocessableException($"The range holds {buckets.Count} {query.GroupBy.ToString().ToLowerInvariant()} buckets; at most {MaxBuckets} fit in one answer. Choose a coarser group_by or a shorter range.");

        var accumulators = new BucketAccumulator[buckets.Count];
        var total = new BucketAccumulator();
        var index = 0;
        await foreach (var (ticks, value) in ReadAsync(caller.TenantId, query, ct))
        {
            while (index < buckets.Count - 1 && ticks >= buckets[index].EndUtc.Ticks) index++;
            accumulators[index].Add(value);
            total.Add(value);
        }

        var points = new MetricPoint[buckets.Count];
        for (var i = 0; i < buckets.Count; i++)
            points[i] = new MetricPoint(buckets[i].Label, buckets[i].StartUtc, accumulators[i].Result(query.Agg), accumulators[i].Count);
        var summary = new MetricSummary(Math.Round(total.Sum, 6), total.Count, total.Count == 0 ? 0 : Math.Round(total.Sum / total.Count, 2));
        return new MetricSeries(query, points, summary, "raw") { Value = total.Result(query.Agg) };
    }

    /// <summary>A query over one of the named widget periods, in the caller's tenant zone.</summary>
    public async Task<MetricQuery> ForPeriodAsync(Caller caller, string name, string period, MetricGrouping groupBy, MetricAggregate agg = MetricAggregate.Sum, string? module = null, CancellationToken ct = default)
    {
        var zone = (await tenants.GetAsync(caller.TenantId, ct)).Zone;
        var (from, to) = MetricPeriod.Resolve(period, zone, clock.GetUtcNow().UtcDateTime);
        return new MetricQuery(name, from, to, groupBy, agg, module);
    }

    /// <summary>The query's figure with the previous equal period's, for a KPI card.</summary>
    public async Task<MetricTrend> TrendAsync(Caller caller, MetricQuery query, CancellationToken ct)
    {
        var current = await QueryAsync(caller, query, ct);
        var previous = await QueryAsync(caller, query.Previous() with { GroupBy = WidestGrouping(query) }, ct);
        return new MetricTrend(current, current.Value, previous.Value);
    }

    private static MetricGrouping WidestGrouping(MetricQuery query) =>
        (query.ToUtc - query.FromUtc).TotalDays > 400 ? MetricGrouping.Quarter : MetricGrouping.Day;

    private async IAsyncEnumerable<(long Ticks, double Value)> ReadAsync(int tenantId, MetricQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            var sql = new System.Text.StringBuilder(
                "SELECT Timestamp, Value FROM MetricEvents WHERE TenantId = @tenant AND Name = @name AND Timestamp >= @from AND Timestamp < @to");
            Add(command, "@tenant", tenantId);
            Add(command, "@name", query.Name);
            Add(command, "@from", query.FromUtc.Ticks);
            Add(command, "@to", query.ToUtc.Ticks);
            if (query.Module is { } module)
            {
                sql.Append(" AND Module = @module");
                Add(command, "@module", module);
            }
            var f = 0;
            foreach (var (key, value) in query.Filters ?? new Dictionary<string, string>())
            {
                sql.Append(CultureInfo.InvariantCulture, $" AND json_extract(Dimensions, @path{f}) = @value{f}");
                Add(command, $"@path{f}", $"$.\"{key}\"");
                Add(command, $"@value{f}", value);
                f++;
            }
            sql.Append(" ORDER BY Timestamp");
            command.CommandText = sql.ToString();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                yield return (reader.GetInt64(0), reader.GetDouble(1));
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    /// <summary>Turns a wire request into a query, or throws with the fields that are wrong.</summary>
    public static MetricQuery Parse(MetricQueryRequest r, TimeZoneInfo zone, DateTime nowUtc)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(r.Name)) errors["name"] = ["A metric name is required."];
        else if (!MetricEventValidator.NamePattern().IsMatch(r.Name)) errors["name"] = ["Not a metric name."];

        var grouping = MetricGrouping.Day;
        if (!string.IsNullOrEmpty(r.GroupBy) && !TryParseEnum(r.GroupBy, out grouping))
            errors["group_by"] = ["Unknown group_by; use hour, day, week, month or quarter."];
        var agg = MetricAggregate.Sum;
        if (!string.IsNullOrEmpty(r.Agg) && !TryParseEnum(r.Agg, out agg))
            errors["agg"] = ["Unknown agg; use sum, avg, min, max, count or last."];
        if (r.Module is { Length: > 0 } module && !Modules.IsKnown(module))
            errors["module"] = [$"Unknown module; use one of {string.Join(", ", Modules.All)}."];

        DateTime? from = null, to = null;
        if (!string.IsNullOrEmpty(r.From) && (from = ParseInstant(r.From, zone, endOfDay: false)) is null)
            errors["from"] = ["Not an ISO 8601 date or date-time."];
        if (!string.IsNullOrEmpty(r.To) && (to = ParseInstant(r.To, zone, endOfDay: true)) is null)
            errors["to"] = ["Not an ISO 8601 date or date-time."];
        if (r.Filters is { } filters)
            foreach (var key in filters.Keys.Where(k => !MetricEventValidator.DimensionKeyPattern().IsMatch(k)))
                errors[$"filters.{key}"] = ["Not a dimension key."];
        if (errors.Count > 0) throw new InvalidInputException(errors);

        var toUtc = to ?? TimeBuckets.ToUtc(TimeBuckets.ToLocal(nowUtc, zone).Date.AddDays(1), zone);
        var fromUtc = from ?? toUtc.AddDays(-30);
        if (fromUtc > toUtc) throw new UnprocessableException("'from' is after 'to'.");
        return new MetricQuery(r.Name!, fromUtc, toUtc, grouping, agg, string.IsNullOrEmpty(r.Module) ? null : r.Module,
            r.Filters is { Count: > 0 } ? r.Filters : null);
    }

    private static bool TryParseEnum<T>(string text, out T value) where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !text.Any(char.IsDigit);

    /// <summary>A date means the start of that day in the tenant's zone, or for an end bound the start of the next day.</summary>
    private static DateTime? ParseInstant(string text, TimeZoneInfo zone, bool endOfDay)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var local = date.ToDateTime(TimeOnly.MinValue);
            return TimeBuckets.ToUtc(endOfDay ? local.AddDays(1) : local, zone);
        }
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant) || !text.Contains('T'))
            return null;
        return instant.Kind switch
        {
            DateTimeKind.Utc => instant,
            DateTimeKind.Local => instant.ToUniversalTime(),
            _ => TimeBuckets.ToUtc(instant, zone),
        };
    }

    private struct BucketAccumulator
    {
        public long Count;
        public double Sum;
        private double _min, _max, _last;

        public void Add(double value)
        {
            if (Count == 0) { _min = _max = value; }
            else { _min = Math.Min(_min, value); _max = Math.Max(_max, value); }
            Count++;
            Sum += value;
            _last = value;
        }

        public readonly double? Result(MetricAggregate agg) => agg switch
        {
            MetricAggregate.Sum => Math.Round(Sum, 6),
            MetricAggregate.Count => Count,
            _ when Count == 0 => null,
            MetricAggregate.Avg => Sum / Count,
            MetricAggregate.Min => _min,
            MetricAggregate.Max => _max,
            MetricAggregate.Last => _last,
            _ => throw new ArgumentOutOfRangeException(nameof(agg)),
        };
    }
}
