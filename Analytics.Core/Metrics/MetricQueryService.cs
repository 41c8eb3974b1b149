using System.Globalization;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Metrics;

/// <summary>
/// Answers metric queries for a caller's tenant: parses wire requests, lets the planner pick the cheapest exact tier,
/// reads it and fills every bucket of the range.
/// </summary>
public sealed class MetricQueryService(MetricStore store, TenantDirectory tenants, Kpis.ExchangeRateService rates, MetricDefinitions definitions, ModuleDirectory modules, IOptions<RetentionOptions> retention, AnalyticsInstruments instruments, TimeProvider clock,
    Customers.SegmentActivityReader segmentActivity, Customers.SegmentDirectory segments, IOptions<Customers.CustomerOptions> customerOptions)
{
    /// <summary>The filter key that names a segment instead of a dimension (widgets and reports keep it among their filters).</summary>
    public const string SegmentFilter = "segment";

    /// <summary>Most buckets one answer may hold; a longer range needs a coarser grouping.</summary>
    public const int MaxBuckets = 5_000;

    public async Task<MetricSeries> QueryAsync(Caller caller, MetricQueryRequest request, CancellationToken ct)
    {
        var zone = (await tenants.GetAsync(caller.TenantId, ct)).Zone;
        // A metric without an aggregate adds up by the tenant's definition of it.
        var definition = string.IsNullOrEmpty(request.Name) ? null : await definitions.ForAsync(caller.TenantId, request.Name, ct);
        return await QueryAsync(caller, Parse(request, zone, clock.GetUtcNow().UtcDateTime, definition, await modules.NamesAsync(caller.TenantId, ct)), ct);
    }

    /// <summary>Answers the query from the tier the planner picks, or from <paramref name="tier"/> when a caller must compare tiers.</summary>
    public async Task<MetricSeries> QueryAsync(Caller caller, MetricQuery query, CancellationToken ct, MetricTier? tier = null)
    {
        var tenant = await tenants.GetAsync(caller.TenantId, ct);
        var zone = tenant.Zone;
        query = WithSegmentFromFilters(query);
        long segmentId = 0;
        MetricTier chosen;
        if (query.Segment is { } segment)
        {
            segmentId = await segments.FindIdAsync(caller, segment, ct) ?? throw new NotFoundException($"No segment '{segment}'.");
            var kept = customerOptions.Value.ActivityRetention;
            var activityFrom = clock.GetUtcNow().UtcDateTime - kept;
            if (query.FromUtc < activityFrom)
                throw new UnprocessableException(
                    $"A query narrowed to a segment reads customer activity, which is kept for {Days(kept)} days; this range starts {(int)Math.Ceiling((clock.GetUtcNow().UtcDateTime - query.FromUtc).TotalDays)} days ago. Shorten the range or drop the segment.");
            chosen = MetricTier.Customers;
        }
        else
        {
            var periods = RetentionPeriods.For(tenant, retention.Value);
            chosen = tier ?? MetricPlanner.Choose(query, zone, TierCoverage.At(clock.GetUtcNow().UtcDateTime, periods), periods);
        }
        var buckets = TimeBuckets.Cover(query.FromUtc, query.ToUtc, query.GroupBy, zone);
        if (buckets.Count > MaxBuckets)
            throw new UnprocessableException($"The range holds {buckets.Count} {query.GroupBy.ToString().ToLowerInvariant()} buckets; at most {MaxBuckets} fit in one answer. Choose a coarser group_by or a shorter range.");

        // An amount is converted into the currency asked for, or the tenant's own; a currency asked for is checked either way.
        var definition = await definitions.ForAsync(caller.TenantId, query.Name, ct);
        var converter = query.Currency is not null || definition.IsMoney ? await rates.ConverterAsync(caller.TenantId, query.Currency, ct) : null;
        var money = definition.IsMoney ? converter : null;
        var reader = new TierReader(store, caller.TenantId, chosen, query, zone, buckets, segmentActivity, segmentId, money);
        var (total, cells, unconverted) = await reader.ReadAsync(by: null, ct);
        instruments.Answered(chosen);
        var now = clock.GetUtcNow().UtcDateTime;
        var series = new MetricSeries(query, Points(buckets, cells[""], query.Agg, now), MetricSummary.Of(total[""]), chosen)
        {
            Definition = definition,
            Value = total[""].Result(query.Agg),
            Totals = total[""],
            Currency = money?.Target,
            UnconvertedEvents = unconverted,
            Format = FigureFormat.Of(definition, query.Agg, money?.Target),
        };
        if (query.By is null) return series;

        var (groupTotals, groupCells, _) = await reader.ReadAsync(query.By, ct);
        return series with
        {
            Breakdown = groupCells
                .Select(g => new MetricBreakdown(g.Key, Points(buckets, g.Value, query.Agg, now), MetricSummary.Of(groupTotals[g.Key]), groupTotals[g.Key].Result(query.Agg)))
                .OrderByDescending(b => b.Total ?? double.MinValue).ThenBy(b => b.Value, StringComparer.Ordinal)
                .ToList(),
        };
    }

    /// <summary>What <paramref name="name"/> means in the caller's tenant (<see cref="MetricDefinitions"/>).</summary>
    public Task<MetricDefinition> DefinitionAsync(Caller caller, string name, CancellationToken ct) => definitions.ForAsync(caller.TenantId, name, ct);

    /// <summary>A query over one of the named widget periods, in the caller's tenant zone.</summary>
    public async Task<MetricQuery> ForPeriodAsync(Caller caller, string name, string period, MetricGrouping groupBy, MetricAggregate agg = MetricAggregate.Sum,
        string? module = null, CancellationToken ct = default, DateOnly? customFrom = null, DateOnly? customTo = null)
    {
        var zone = (await tenants.GetAsync(caller.TenantId, ct)).Zone;
        var (from, to) = MetricPeriod.Resolve(period, customFrom, customTo, zone, clock.GetUtcNow().UtcDateTime);
        return new MetricQuery(name, from, to, groupBy, agg, module);
    }

    /// <summary>
    /// The query's figure with the previous equal period's, for a KPI card. A period still in progress is compared like
    /// with like: with the same elapsed span of the previous one (today so far against yesterday up to this time).
    /// </summary>
    public async Task<MetricTrend> TrendAsync(Caller caller, MetricQuery query, CancellationToken ct)
    {
        var current = await QueryAsync(caller, query, ct);
        var (previous, through) = await PreviousAsync(caller, query with { GroupBy = WidestGrouping(query), By = null }, ct);
        return new MetricTrend(current, current.Value, previous?.Result(query.Agg)) { PreviousToUtc = through, Partial = IsPartial(query) };
    }

    /// <summary>Whether the query's range ends after now: its last bucket is not complete yet.</summary>
    public bool IsPartial(MetricQuery query) => query.ToUtc > clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The totals of the period before <paramref name="query"/>, cut to the span of it that has elapsed when it is still
    /// in progress, and where that cut ends; null when no tier keeps that period. Raw events answer a cut to the second;
    /// past their retention the cut falls to a whole hour, then a whole day, the nearest the kept tiers answer exactly.
    /// </summary>
    private async Task<(RollupCell? Totals, DateTime? ToUtc)> PreviousAsync(Caller caller, MetricQuery query, CancellationToken ct)
    {
        var previous = query.Previous();
        var now = clock.GetUtcNow().UtcDateTime;
        IEnumerable<DateTime> ends = [previous.ToUtc];
        if (now > query.FromUtc && now < query.ToUtc)
        {
            var end = previous.FromUtc + (now - query.FromUtc);
            ends = [end, end.AddTicks(-(end.Ticks % TimeSpan.TicksPerHour)), previous.FromUtc.AddDays(Math.Floor((now - query.FromUtc).TotalDays))];
        }
        foreach (var end in ends.Distinct())
        {
            try
            {
                return ((await QueryAsync(caller, previous with { ToUtc = end }, ct)).Totals, end);
            }
            catch (UnprocessableException)
            {
                // No tier keeps this cut exactly: try a coarser one.
            }
        }
        return (null, null);
    }

    /// <summary>
    /// Per metric of the tenant (optionally of one module): total, count, average, min, max, last and the change against
    /// the previous equal period; a metric whose figures cannot be computed is listed among the problems instead.
    /// </summary>
    public async Task<MetricOverview> SummaryAsync(Caller caller, MetricQueryRequest request, CancellationToken ct)
    {
        var zone = (await tenants.GetAsync(caller.TenantId, ct)).Zone;
        var range = Parse(request with { Name = "summary" }, zone, clock.GetUtcNow().UtcDateTime, modules: await modules.NamesAsync(caller.TenantId, ct));
        if (range.Currency is not null) await rates.ConverterAsync(caller.TenantId, range.Currency, ct);
        var names = (await store.CatalogAsync(caller.TenantId, ct))
            .Where(c => c.DimKey.Length == 0 && (range.Module is null || c.Module == range.Module))
            .Select(c => c.Name).Distinct().ToList();
        var totals = new List<MetricTotals>(names.Count);
        var problems = new List<MetricProblem>();
        foreach (var name in names)
        {
            var current = range with { Name = name, GroupBy = WidestGrouping(range) };
            MetricSeries now;
            RollupCell? before;
            try
            {
                now = await QueryAsync(caller, current, ct);
                before = (await PreviousAsync(caller, current, ct)).Totals;
            }
            catch (MetricOutOfRangeException e)
            {
                problems.Add(e.Problem);
                continue;
            }
            var cell = now.Totals;
            totals.Add(new MetricTotals(name, range.Module, now.Summary.Total, now.Summary.Count, now.Summary.Average,
                cell.Count == 0 ? null : cell.Min, cell.Count == 0 ? null : cell.Max, cell.Count == 0 ? null : cell.Last,
                (before is { } b ? MetricTrend.ChangeOf(now.Summary.Total, b.Sum) : null), now.Tier,
                now.Currency, now.Currency is null ? null : now.UnconvertedEvents));
        }
        return new MetricOverview(totals, problems);
    }

    /// <summary>
    /// The query's buckets without events, for a view over many metrics to show in place of one whose figures cannot be
    /// computed (<paramref name="unreadable"/> says which tier held the bad value).
    /// </summary>
    public MetricSeries Blank(MetricQuery query, TimeZoneInfo zone, MetricOutOfRangeException unreadable)
    {
        var buckets = TimeBuckets.Cover(query.FromUtc, query.ToUtc, query.GroupBy, zone);
        return new MetricSeries(query, Points(buckets, new RollupCell[buckets.Count], query.Agg, clock.GetUtcNow().UtcDateTime), MetricSummary.Of(default), unreadable.Tier)
        {
            Value = default(RollupCell).Result(query.Agg),
        };
    }

    /// <summary>The metrics of the tenant with their modules and dimension keys, as seen by ingest.</summary>
    public async Task<IReadOnlyList<MetricCatalogEntry>> CatalogAsync(Caller caller, CancellationToken ct) =>
        (await store.CatalogAsync(caller.TenantId, ct))
            .GroupBy(r => r.Name)
            .Select(g => new MetricCatalogEntry(
                g.Key,
                g.Select(r => r.Module).Distinct().Order(StringComparer.Ordinal).ToList(),
                g.Where(r => r.DimKey.Length > 0 && !CurrencySplit.IsSplitKey(r.DimKey)).Select(r => r.DimKey).Distinct().Order(StringComparer.Ordinal).ToList(),
                new DateTime(g.Max(r => r.LastTicks), DateTimeKind.Utc)))
            .ToList();

    /// <summary>Moves a <c>segment</c> entry of the filters (as widgets and reports store it) into <see cref="MetricQuery.Segment"/>.</summary>
    public static MetricQuery WithSegmentFromFilters(MetricQuery query)
    {
        if (query.Filters is null || !query.Filters.TryGetValue(SegmentFilter, out var segment)) return query;
        var rest = query.Filters.Where(f => f.Key != SegmentFilter).ToDictionary(f => f.Key, f => f.Value);
        return query with { Segment = query.Segment ?? segment, Filters = rest.Count > 0 ? rest : null };
    }

    private static string Days(TimeSpan span) => span.TotalDays.ToString("0", CultureInfo.InvariantCulture);

    private static MetricGrouping WidestGrouping(MetricQuery query) =>
        (query.ToUtc - query.FromUtc).TotalDays > 400 ? MetricGrouping.Quarter : MetricGrouping.Day;

    /// <summary>
    /// A point per bucket; a bucket that ends after <paramref name="nowUtc"/> is <see cref="MetricPoint.Partial"/>, and one
    /// that has not begun has no value yet (not 0: later hours of today have not happened).
    /// </summary>
    private static MetricPoint[] Points(IReadOnlyList<(string Label, DateTime StartUtc, DateTime EndUtc)> buckets, RollupCell[] cells, MetricAggregate agg, DateTime nowUtc)
    {
        var points = new MetricPoint[buckets.Count];
        for (var i = 0; i < buckets.Count; i++)
            points[i] = new MetricPoint(buckets[i].Label, buckets[i].StartUtc, buckets[i].StartUtc > nowUtc && cells[i].Count == 0 ? null : cells[i].Result(agg), cells[i].Count)
            {
                Partial = buckets[i].EndUtc > nowUtc,
            };
        return points;
    }

    /// <summary>
    /// Turns a wire request into a query, or throws with the fields that are wrong. Without an aggregate the metric adds
    /// up by <paramref name="definition"/> (its convention when not given); a module must be one of <paramref name="modules"/>.
    /// </summary>
    public static MetricQuery Parse(MetricQueryRequest r, TimeZoneInfo zone, DateTime nowUtc, MetricDefinition? definition = null, IReadOnlyList<string>? modules = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(r.Name)) errors["name"] = ["A metric name is required."];
        else if (!MetricEventValidator.NamePattern().IsMatch(r.Name)) errors["name"] = ["Not a metric name."];

        var grouping = MetricGrouping.Day;
        if (!string.IsNullOrEmpty(r.GroupBy) && !TryParseEnum(r.GroupBy, out grouping))
            errors["group_by"] = ["Unknown group_by; use hour, day, week, month or quarter."];
        // Without an aggregate a metric adds up by its definition: a gauge is averaged (or its last reading), never summed.
        var agg = string.IsNullOrEmpty(r.Name) ? MetricAggregate.Sum : (definition ?? MetricConventions.For(r.Name)).Aggregate;
        if (!string.IsNullOrEmpty(r.Agg) && !TryParseEnum(r.Agg, out agg))
            errors["agg"] = ["Unknown agg; use sum, avg, min, max, count or last."];
        if (r.Module is { Length: > 0 } module && ModuleDirectory.Refusal(module, modules ?? Modules.All) is { } refused)
            errors["module"] = [refused];

        DateTime? from = null, to = null;
        if (!string.IsNullOrEmpty(r.From) && (from = ParseInstant(r.From, zone, endOfDay: false)) is null)
            errors["from"] = ["Not an ISO 8601 date or date-time."];
        if (!string.IsNullOrEmpty(r.To) && (to = ParseInstant(r.To, zone, endOfDay: true)) is null)
            errors["to"] = ["Not an ISO 8601 date or date-time."];
        if (r.Filters is { } filters)
            foreach (var key in filters.Keys.Where(k => !MetricEventValidator.DimensionKeyPattern().IsMatch(k)))
                errors[$"filter.{key}"] = ["Not a dimension key."];
        if (r.By is { Length: > 0 } by && !MetricEventValidator.DimensionKeyPattern().IsMatch(by))
            errors["by"] = ["Not a dimension key."];
        if (errors.Count > 0) throw new InvalidInputException(errors);

        var toUtc = to ?? TimeBuckets.ToUtc(TimeBuckets.ToLocal(nowUtc, zone).Date.AddDays(1), zone);
        var fromUtc = from ?? toUtc.AddDays(-30);
        if (fromUtc >= toUtc) throw new UnprocessableException("'from' is not before 'to': the range is empty.");
        return WithSegmentFromFilters(new MetricQuery(r.Name!, fromUtc, toUtc, grouping, agg, string.IsNullOrEmpty(r.Module) ? null : r.Module,
            r.Filters is { Count: > 0 } ? r.Filters : null, string.IsNullOrEmpty(r.By) ? null : r.By, string.IsNullOrEmpty(r.Segment) ? null : r.Segment,
            string.IsNullOrWhiteSpace(r.Currency) ? null : r.Currency.Trim().ToLowerInvariant()));
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

    /// <summary>SQLSTATE 22003, PostgreSQL's "value out of range" (such as a double precision overflow).</summary>
    private const string NumericValueOutOfRange = "22003";

    /// <summary>
    /// Reads one tier for a query and merges its rows into the query's buckets, per breakdown value. With a converter
    /// (an amount metric) each row is converted from its currency first; an amount in a currency without a rate is left
    /// out and counted. Rollups keep the events that named a currency apart (<see cref="CurrencySplit"/>): what the
    /// plain rows hold beyond them is the events without a currency, which are in the tenant's own.
    /// </summary>
    private sealed class TierReader(MetricStore store, int tenantId, MetricTier tier, MetricQuery query, TimeZoneInfo zone,
        IReadOnlyList<(string Label, DateTime StartUtc, DateTime EndUtc)> buckets, Customers.SegmentActivityReader segmentActivity, long segmentId,
        Kpis.CurrencyConverter? money)
    {
        private readonly long[] _starts = buckets.Select(b => b.StartUtc.Ticks).ToArray();
        private readonly Dictionary<long, int> _dayBuckets = [];

        public async Task<(Dictionary<string, RollupCell> Totals, Dictionary<string, RollupCell[]> Cells, long Unconverted)> ReadAsync(string? by, CancellationToken ct)
        {
            var totals = new Dictionary<string, RollupCell>();
            var cells = new Dictionary<string, RollupCell[]>();
            long unconverted = 0;
            if (by is null)
            {
                totals[""] = default;
                cells[""] = new RollupCell[buckets.Count];
            }

            void Merge(string? dim, long time, in RollupCell cell)
            {
                var index = BucketOf(time);
                if (index < 0) return;
                var key = dim ?? "";
                if (!cells.TryGetValue(key, out var series)) cells[key] = series = new RollupCell[buckets.Count];
                series[index].Merge(cell);
                ref var total = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(totals, key, out _);
                total.Merge(cell);
            }

            void Convert(string? dim, long time, in RollupCell cell, string? currency)
            {
                if (money!.Factor(currency) is { } factor) Merge(dim, time, cell.Scaled(factor));
                else unconverted += cell.Count;
            }

            try
            {
                if (money is null)
                {
                    await foreach (var row in Rows(by, byCurrency: false, ct)) Merge(row.DimValue, row.Time, row.Cell);
                }
                else if (tier is MetricTier.Raw or MetricTier.Customers)
                {
                    await foreach (var row in Rows(by, byCurrency: true, ct)) Convert(row.DimValue, row.Time, row.Cell, row.Currency);
                }
                else
                {
                    var untagged = new Dictionary<(string?, long), RollupCell>();
                    await foreach (var row in Rows(by, byCurrency: false, ct))
                        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(untagged, (row.DimValue, row.Time), out _).Merge(row.Cell);
                    await foreach (var row in Rows(by, byCurrency: true, ct))
                    {
                        Convert(row.DimValue, row.Time, row.Cell, row.Currency);
                        ref var rest = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(untagged, (row.DimValue, row.Time));
                        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref rest)) continue;
                        rest.Count -= row.Cell.Count;
                        rest.Sum -= row.Cell.Sum;
                    }
                    // Min, max and last of events without a currency are only known where a bucket has no others.
                    foreach (var ((dim, time), rest) in untagged)
                        if (rest.Count > 0) Convert(dim, time, rest, null);
                }
            }
            catch (System.Data.Common.DbException e) when (e.SqlState == NumericValueOutOfRange)
            {
                // The rows are read as stored and summed here, but should the SQL ever compute on a value out of range,
                // PostgreSQL raises this where SQLite gives ±Infinity: either way, the metric's figures cannot be computed.
                throw new MetricOutOfRangeException(query.Name, tier);
            }
            foreach (var total in totals.Values)
                if (money is null ? !MetricValueRange.Holds(total) : !double.IsFinite(total.Sum)) throw new MetricOutOfRangeException(query.Name, tier);
            return (totals, cells, unconverted);
        }

        /// <summary>The tier's rows; a value beyond the bound (stored before ingest refused it) would make sums infinite or money unconvertible.</summary>
        private async IAsyncEnumerable<MetricStore.TierRow> Rows(string? by, bool byCurrency, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            var (from, to) = tier switch
            {
                MetricTier.Raw or MetricTier.Customers => (query.FromUtc.Ticks, query.ToUtc.Ticks),
                MetricTier.Hourly => (TierCoverage.HourOf(query.FromUtc), TierCoverage.HourOf(query.ToUtc)),
                _ => ((long)TierCoverage.DayOf(query.FromUtc, zone), (long)TierCoverage.DayOf(query.ToUtc, zone)),
            };
            var rows = tier == MetricTier.Customers
                ? segmentActivity.ReadAsync(tenantId, segmentId, query.Name, from, to, query.Module, query.FiltersOrEmpty, by, ct, byCurrency)
                : store.ReadAsync(tenantId, tier, query.Name, from, to, query.Module, query.FiltersOrEmpty, by, ct, byCurrency);
            await foreach (var row in rows)
            {
                if (!MetricValueRange.Holds(row.Cell)) throw new MetricOutOfRangeException(query.Name, tier);
                yield return row;
            }
        }

        private int BucketOf(long time)
        {
            if (tier == MetricTier.Daily)
            {
                if (_dayBuckets.TryGetValue(time, out var cached)) return cached;
                var midnight = TimeBuckets.ToUtc(DateOnly.FromDayNumber((int)time).ToDateTime(TimeOnly.MinValue), zone);
                return _dayBuckets[time] = Find(midnight.Ticks);
            }
            return Find(tier == MetricTier.Hourly ? time * TimeSpan.TicksPerHour : time);
        }

        private int Find(long ticks)
        {
            if (ticks < query.FromUtc.Ticks || ticks >= query.ToUtc.Ticks) return -1;
            var i = Array.BinarySearch(_starts, ticks);
            return i >= 0 ? i : ~i - 1;
        }
    }
}
