using System.Data;
using System.Data.Common;
using System.Net.Mail;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Analytics.Core.Data;
using Analytics.Core.Errors;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Customers;

/// <summary>Keeps customer profiles of the caller's tenant: upserts, lists, details and timelines.</summary>
public sealed class CustomerDirectory(
    AnalyticsDbContext db,
    TenantDirectory tenants,
    TenantCurrencies rates,
    IOptions<CustomerOptions> options,
    CustomerSettler settler,
    ModuleDirectory modules,
    TimeProvider clock)
{
    public const int MaxLimit = 200;

    private static readonly Dictionary<string, string> SortColumns = new()
    {
        ["id"] = "c.Id",
        ["name"] = "coalesce(c.Name, '')",
        ["ltv"] = "c.LtvCents",
        ["order_count"] = "c.OrderCount",
        ["engagement_score"] = "c.EngagementScore",
        ["engagement"] = "c.EngagementScore",
        ["first_seen"] = "c.FirstSeen",
        ["last_seen"] = "c.LastSeen",
    };

    /// <summary>Creates or updates each profile; a batch is validated whole and saved, with the segments it changes, in one transaction.</summary>
    public async Task<IReadOnlyList<CustomerView>> UpsertAsync(Caller caller, IReadOnlyList<CustomerProfileInput> inputs, CancellationToken ct)
    {
        if (!caller.CanWrite) throw new ForbiddenException("This key may only read.");
        if (inputs.Count == 0) throw new InvalidInputException("body", "Send at least one profile.");
        if (inputs.Count > 1000) throw new TooLargeException("At most 1000 profiles per request.");
        Validate(inputs);

        var ids = inputs.Select(i => i.ExternalId!).Distinct().ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var existing = await db.Customers
                .Where(p => p.TenantId == caller.TenantId && ids.Contains(p.ExternalId))
                .ToDictionaryAsync(p => p.ExternalId, ct);
            foreach (var input in inputs)
            {
                if (!existing.TryGetValue(input.ExternalId!, out var profile))
                {
                    profile = new CustomerProfile
                    {
                        TenantId = caller.TenantId,
                        ExternalId = input.ExternalId!,
                        FirstSeen = input.FirstSeen?.UtcDateTime ?? now,
                        LastSeen = input.LastSeen?.UtcDateTime ?? input.FirstSeen?.UtcDateTime ?? now,
                    };
                    db.Add(profile);
                    existing[profile.ExternalId] = profile;
                }
                profile.Name = input.Name ?? profile.Name;
                profile.Email = input.Email ?? profile.Email;
                profile.Country = input.Country?.ToUpperInvariant() ?? profile.Country;
                if (input.Attributes is { } attributes) profile.Attributes = JsonSerializer.Serialize(attributes);
                if (input.FirstSeen?.UtcDateTime < profile.FirstSeen) profile.FirstSeen = input.FirstSeen.Value.UtcDateTime;
                if (input.LastSeen?.UtcDateTime > profile.LastSeen) profile.LastSeen = input.LastSeen.Value.UtcDateTime;
            }
            await db.SaveChangesAsync(ct);
            var keys = existing.Values.Select(p => p.Id).ToList();
            var transaction = tx.GetDbTransaction();
            await CustomerActivityRecorder.RescoreAsync(transaction, caller.TenantId, keys, now, options.Value, ct);
            await SegmentEvaluator.EvaluateProfilesAsync(transaction, caller.TenantId, keys, now, ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            var views = (await ReadAsync(caller.TenantId, "c.Id IN " + SqlDialect.Ids(db.Database.GetDbConnection(), "@keys"), [("@keys", JsonSerializer.Serialize(keys))], "", ct))
                .ToDictionary(v => v.ExternalId);
            return (IReadOnlyList<CustomerView>)inputs.Select(i => views[i.ExternalId!]).ToList();
        });
    }

    /// <summary>A page of the tenant's profiles, filtered and sorted.</summary>
    public async Task<CustomerPage> ListAsync(Caller caller, CustomerListQuery query, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var sort = string.IsNullOrEmpty(query.Sort) ? "id" : query.Sort;
        var descending = sort.StartsWith('-');
        var field = descending ? sort[1..] : sort;
        if (!SortColumns.TryGetValue(field, out var sortColumn))
            errors["sort"] = [$"Unknown sort; use {string.Join(", ", SortColumns.Keys.Where(k => k != "engagement"))}, with a leading '-' for descending."];
        if (query.Limit is < 1 or > MaxLimit) errors["limit"] = [$"A limit is 1 to {MaxLimit}."];
        if (query.Offset is < 0) errors["offset"] = ["An offset is 0 or more."];
        if (query.MinLtv is { } min && query.MaxLtv is { } max && min > max) errors["min_ltv"] = ["min_ltv is above max_ltv."];
        if (query.Country is { } country && (country.Length != 2 || !country.All(char.IsAsciiLetter)))
            errors["country"] = ["Use an ISO 3166-1 alpha-2 code such as DE."];
        if (query.Search is { Length: > 200 }) errors["q"] = ["A search has at most 200 characters."];
        if (errors.Count > 0) throw new InvalidInputException(errors);
        await settler.BeforeReadAsync(caller.TenantId, ct);

        var where = new StringBuilder();
        var parameters = new List<(string, object)>();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            if (SqlDialect.IsPostgres(db.Database.GetDbConnection()))
            {
                // Trigram indexes on name and email serve ILIKE with a term of three characters or more.
                var like = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
                where.Append(" AND (c.Name ILIKE @like ESCAPE '\\' OR c.Email ILIKE @like ESCAPE '\\' OR c.ExternalId = @term)");
                parameters.Add(("@like", like));
            }
            else if (term.Length >= 3)
            {
                // The trigram index finds names and emails containing the term without reading every profile.
                // One id list (matches, plus an exact external id) lets SQLite look the few rows up by key instead of
                // testing every profile against an OR.
                where.Append(" AND c.Id IN (SELECT rowid FROM CustomerSearch WHERE CustomerSearch MATCH @phrase " +
                             "UNION SELECT Id FROM Customers WHERE TenantId = @tenant AND ExternalId = @term)");
                parameters.Add(("@phrase", "\"" + term.Replace("\"", "\"\"") + "\""));
            }
            else
            {
                // Shorter than a trigram: no index can narrow it, so the names and emails are read.
                var like = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
                where.Append(" AND (c.Name LIKE @like ESCAPE '\\' OR c.Email LIKE @like ESCAPE '\\' OR c.ExternalId = @term)");
                parameters.Add(("@like", like));
            }
            parameters.Add(("@term", term));
        }
        if (!string.IsNullOrEmpty(query.Segment))
        {
            var segment = await FindSegmentAsync(caller.TenantId, query.Segment, ct)
                ?? throw new InvalidInputException("segment", $"No segment '{query.Segment}'.");
            where.Append(" AND c.Id IN (SELECT CustomerKey FROM SegmentMembers WHERE TenantId = @tenant AND SegmentId = @segment)");
            parameters.Add(("@segment", segment));
        }
        if (!string.IsNullOrEmpty(query.Country))
        {
            where.Append(" AND c.Country = @country");
            parameters.Add(("@country", query.Country.ToUpperInvariant()));
        }
        if (query.MinLtv is { } minLtv)
        {
            where.Append(" AND c.LtvCents >= @minLtv");
            parameters.Add(("@minLtv", (long)Math.Round(minLtv * 100m)));
        }
        if (query.MaxLtv is { } maxLtv)
        {
            where.Append(" AND c.LtvCents <= @maxLtv");
            parameters.Add(("@maxLtv", (long)Math.Round(maxLtv * 100m)));
        }

        var total = await CountAsync(caller.TenantId, where.ToString(), parameters, ct);

        var page = new StringBuilder(where.ToString());
        var pageParameters = new List<(string, object)>(parameters);
        if (query.Cursor is { } cursor)
        {
            var (value, id) = PageCursor.Decode(cursor);
            object after = field == "name" ? value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new InvalidInputException("cursor", "This cursor belongs to another sort.")
                : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : throw new InvalidInputException("cursor", "This cursor belongs to another sort.");
            var op = descending ? "<" : ">";
            page.Append($" AND ({sortColumn} {op} @after OR ({sortColumn} = @after AND c.Id {op} @afterId))");
            pageParameters.Add(("@after", after));
            pageParameters.Add(("@afterId", id));
        }
        var direction = descending ? "DESC" : "ASC";
        var tail = $" ORDER BY {sortColumn} {direction}, c.Id {direction} LIMIT {query.Limit + 1}" + (query.Cursor is null && query.Offset is > 0 ? $" OFFSET {query.Offset}" : "");
        var rows = await ReadAsync(caller.TenantId, "1 = 1" + page, pageParameters, tail, ct);
        string? next = null;
        if (rows.Count > query.Limit)
        {
            rows.RemoveAt(rows.Count - 1);
            var last = rows[^1];
            next = PageCursor.Encode(field switch
            {
                "name" => last.Name ?? "",
                "ltv" => (object)(long)Math.Round(last.Ltv * 100m),
                "order_count" => last.OrderCount,
                "engagement_score" or "engagement" => last.EngagementScore,
                "first_seen" => last.FirstSeen.Ticks,
                "last_seen" => last.LastSeen.Ticks,
                _ => last.Id,
            }, last.Id);
        }
        return new CustomerPage(rows, total, next);
    }

    /// <summary>A profile by its id, or by its external id when <paramref name="id"/> is not a number.</summary>
    public async Task<CustomerView> GetAsync(Caller caller, string id, CancellationToken ct)
    {
        await settler.BeforeReadAsync(caller.TenantId, ct);
        var rows = long.TryParse(id, out var key)
            ? await ReadAsync(caller.TenantId, "c.Id = @id", [("@id", key)], "", ct)
            : await ReadAsync(caller.TenantId, "c.ExternalId = @id", [("@id", id)], "", ct);
        return rows.Count == 1 ? rows[0] : throw new NotFoundException("No such customer.");
    }

    /// <summary>The profile with its revenue of the last 12 months.</summary>
    public async Task<CustomerDetail> DetailAsync(Caller caller, string id, CancellationToken ct)
    {
        var profile = await GetAsync(caller, id, ct);
        var tenant = await tenants.GetAsync(caller.TenantId, ct);
        var currencies = await rates.ForTenantAsync(caller.TenantId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var thisMonth = TimeBuckets.StartOf(TimeBuckets.ToLocal(now, tenant.Zone), MetricGrouping.Month);
        var from = TimeBuckets.ToUtc(thisMonth.AddMonths(-11), tenant.Zone);
        var months = TimeBuckets.Cover(from, TimeBuckets.ToUtc(thisMonth.AddMonths(1), tenant.Zone), MetricGrouping.Month, tenant.Zone);
        var cents = new long[months.Count];
        var o = options.Value;
        var names = o.RevenueMetrics.Concat(o.RefundMetrics).ToList();

        await using var lease = await OpenAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = """
            SELECT Ticks, Name, Value, json_extract(Dimensions, '$.currency') FROM CustomerActivity
            WHERE TenantId = @tenant AND CustomerKey = @customer AND Ticks >= @from AND Name IN (SELECT value FROM json_each(@names))
            """;
        Add(command, "@tenant", caller.TenantId);
        Add(command, "@customer", profile.Id);
        Add(command, "@from", from.Ticks);
        Add(command, "@names", JsonSerializer.Serialize(names));
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                var ticks = reader.GetInt64(0);
                var index = months.Count - 1;
                while (index > 0 && months[index].StartUtc.Ticks > ticks) index--;
                cents[index] += CustomerFigures.LtvCents(reader.GetString(1), reader.GetDouble(2), reader.IsDBNull(3) ? null : reader.GetString(3), currencies, o) ?? 0;
            }
        return new CustomerDetail(profile, months.Select((m, i) => new MonthlyRevenue(m.Label, m.StartUtc, cents[i] / 100m)).ToList(), tenant.Currency);
    }

    /// <summary>A page of the customer's events, newest first, optionally of one module.</summary>
    public async Task<TimelinePage> TimelineAsync(Caller caller, string id, string? module, string? cursor, int limit, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit) throw new InvalidInputException("limit", $"A limit is 1 to {MaxLimit}.");
        if (module is { Length: > 0 } && ModuleDirectory.Refusal(module, await modules.NamesAsync(caller.TenantId, ct)) is { } refused)
            throw new InvalidInputException("module", refused);
        (long Ticks, long Id)? before = null;
        if (cursor is not null)
        {
            var (value, last) = PageCursor.Decode(cursor);
            before = value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var ticks) ? (ticks, last) : throw new InvalidInputException("cursor", "Not a timeline cursor.");
        }
        var profile = await GetAsync(caller, id, ct);
        var items = new List<TimelineEntry>(limit + 1);
        await foreach (var entry in StreamTimelineAsync(caller.TenantId, profile.Id, string.IsNullOrEmpty(module) ? null : module, before, limit + 1, ct))
            items.Add(entry);
        string? next = null;
        if (items.Count > limit)
        {
            items.RemoveAt(items.Count - 1);
            next = PageCursor.Encode(items[^1].Timestamp.Ticks, items[^1].Id);
        }
        return new TimelinePage(items, next);
    }

    private async IAsyncEnumerable<TimelineEntry> StreamTimelineAsync(int tenantId, long customer, string? module, (long Ticks, long Id)? before, int limit,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await using var lease = await OpenAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var sql = new StringBuilder("SELECT Id, Ticks, Name, Module, Value, Dimensions FROM CustomerActivity WHERE TenantId = @tenant AND CustomerKey = @customer");
        Add(command, "@tenant", tenantId);
        Add(command, "@customer", customer);
        if (module is not null)
        {
            sql.Append(" AND Module = @module");
            Add(command, "@module", module);
        }
        if (before is { } b)
        {
            sql.Append(" AND (Ticks < @ticks OR (Ticks = @ticks AND Id < @id))");
            Add(command, "@ticks", b.Ticks);
            Add(command, "@id", b.Id);
        }
        sql.Append(" ORDER BY Ticks DESC, Id DESC LIMIT @limit");
        Add(command, "@limit", limit);
        command.CommandText = sql.ToString();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            yield return new TimelineEntry(reader.GetInt64(0), reader.GetString(2), reader.GetString(3), reader.GetDouble(4),
                new DateTime(reader.GetInt64(1), DateTimeKind.Utc), ParseMap(reader.GetString(5)));
    }

    /// <summary>Every profile matching the query's filters, in its sort order, for exports.</summary>
    internal async Task<List<CustomerView>> ReadAsync(int tenantId, string where, IReadOnlyList<(string Name, object Value)> parameters, string tail, CancellationToken ct)
    {
        await using var lease = await OpenAsync(ct);
        var connection = db.Database.GetDbConnection();
        var rows = new List<CustomerView>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = "SELECT c.Id, c.ExternalId, c.Name, c.Email, c.Country, c.Attributes, c.FirstSeen, c.LastSeen, c.LtvCents, c.OrderCount, c.EngagementScore " +
                                  $"FROM Customers c WHERE c.TenantId = @tenant AND {where}{tail}";
            Add(command, "@tenant", tenantId);
            foreach (var (name, value) in parameters) Add(command, name, value);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                rows.Add(new CustomerView(reader.GetInt64(0), reader.GetString(1), NullableString(reader, 2), NullableString(reader, 3), NullableString(reader, 4),
                    ParseMap(reader.GetString(5)), new DateTime(reader.GetInt64(6), DateTimeKind.Utc), new DateTime(reader.GetInt64(7), DateTimeKind.Utc),
                    reader.GetInt64(8) / 100m, reader.GetInt32(9), reader.GetInt32(10), []));
        }
        if (rows.Count == 0) return rows;

        var names = new Dictionary<long, List<string>>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = "SELECT m.CustomerKey, s.Name FROM SegmentMembers m JOIN Segments s ON s.Id = m.SegmentId " +
                                  $"WHERE m.TenantId = @tenant AND m.CustomerKey IN {SqlDialect.Ids(connection, "@keys")} ORDER BY s.Id";
            Add(command, "@tenant", tenantId);
            Add(command, "@keys", JsonSerializer.Serialize(rows.Select(r => r.Id)));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var key = reader.GetInt64(0);
                if (!names.TryGetValue(key, out var list)) names[key] = list = [];
                list.Add(reader.GetString(1));
            }
        }
        for (var i = 0; i < rows.Count; i++)
            if (names.TryGetValue(rows[i].Id, out var list)) rows[i] = rows[i] with { Segments = list };
        return rows;
    }

    private async Task<long> CountAsync(int tenantId, string where, IReadOnlyList<(string Name, object Value)> parameters, CancellationToken ct)
    {
        await using var lease = await OpenAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT count(*) FROM Customers c WHERE c.TenantId = @tenant{where}";
        Add(command, "@tenant", tenantId);
        foreach (var (name, value) in parameters) Add(command, name, value);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private async Task<long?> FindSegmentAsync(int tenantId, string idOrName, CancellationToken ct) =>
        long.TryParse(idOrName, out var id)
            ? await db.Segments.Where(s => s.TenantId == tenantId && s.Id == id).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct)
            : await db.Segments.Where(s => s.TenantId == tenantId && s.Name == idOrName).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);

    private static string? NullableString(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static IReadOnlyDictionary<string, string> ParseMap(string json) =>
        json is "{}" or "" ? EmptyMap : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? EmptyMap;

    private static readonly Dictionary<string, string> EmptyMap = [];

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    /// <summary>Opens the context's connection for raw commands if EF has not, and closes it again afterwards.</summary>
    internal async Task<IAsyncDisposable> OpenAsync(CancellationToken ct)
    {
        if (db.Database.GetDbConnection().State == ConnectionState.Open) return ConnectionLease.None;
        await db.Database.OpenConnectionAsync(ct);
        return new ConnectionLease(db);
    }

    private static void Validate(IReadOnlyList<CustomerProfileInput> inputs)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var path = inputs.Count == 1 ? "" : $"[{i}].";
            var input = inputs[i];
            if (string.IsNullOrWhiteSpace(input.ExternalId) || input.ExternalId.Length > MetricEventValidator.MaxCustomerIdLength)
                errors[path + "external_id"] = ["An external id of 1 to 128 characters is required."];
            if (input.Name is { Length: > 200 }) errors[path + "name"] = ["A name has at most 200 characters."];
            if (input.Email is { } email && (email.Length > 254 || !MailAddress.TryCreate(email, out _)))
                errors[path + "email"] = ["Not an email address."];
            if (input.Country is { } country && (country.Length != 2 || !country.All(char.IsAsciiLetter)))
                errors[path + "country"] = ["Use an ISO 3166-1 alpha-2 code such as DE."];
            if (input.Attributes is { Count: > 32 }) errors[path + "attributes"] = ["At most 32 attributes."];
            else if (input.Attributes?.FirstOrDefault(a => a.Key.Length is 0 or > 64 || a.Value is null || a.Value.Length > 256) is { Key: not null } bad)
                errors[path + $"attributes.{bad.Key}"] = ["An attribute has a key of 1 to 64 characters and a text value of at most 256."];
            if (input.FirstSeen is { } first && input.LastSeen is { } last && first > last)
                errors[path + "first_seen"] = ["first_seen is after last_seen."];
        }
        if (errors.Count > 0) throw new InvalidInputException(errors);
    }
}
