using System.Runtime.CompilerServices;
using System.Text.Json;
using Analytics.Core.Data;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Customers;

/// <summary>
/// The segments of the caller's tenant: rules, members and counts. Admins and analysts create, edit and delete them;
/// everyone in the tenant reads them. Built-ins are seeded on first use and may be edited but not deleted or renamed.
/// </summary>
public sealed class SegmentDirectory(AnalyticsDbContext db, CustomerDirectory customers, CustomerSettler settler, IOptions<CustomerOptions> options, TimeProvider clock)
{
    public const int MaxNameLength = 64;

    public async Task<IReadOnlyList<SegmentView>> ListAsync(Caller caller, CancellationToken ct)
    {
        await EnsureBuiltInsAsync(caller, ct);
        await settler.BeforeReadAsync(caller.TenantId, ct);
        var counts = await db.SegmentMembers.Where(m => m.TenantId == caller.TenantId)
            .GroupBy(m => m.SegmentId).Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var list = await db.Segments.AsNoTracking().Where(s => s.TenantId == caller.TenantId).OrderByDescending(s => s.BuiltIn).ThenBy(s => s.Name).ToListAsync(ct);
        return list.Select(s => View(s, counts.GetValueOrDefault(s.Id))).ToList();
    }

    /// <summary>A segment by id, or by name when <paramref name="idOrName"/> is not a number.</summary>
    public async Task<SegmentView> GetAsync(Caller caller, string idOrName, CancellationToken ct)
    {
        await EnsureBuiltInsAsync(caller, ct);
        var segment = await FindAsync(caller, idOrName, ct) ?? throw new NotFoundException("No such segment.");
        await settler.BeforeReadAsync(caller.TenantId, ct);
        return View(segment, await db.SegmentMembers.LongCountAsync(m => m.TenantId == caller.TenantId && m.SegmentId == segment.Id, ct));
    }

    /// <summary>The id of a segment named by id or name, or null.</summary>
    public async Task<long?> FindIdAsync(Caller caller, string idOrName, CancellationToken ct)
    {
        await EnsureBuiltInsAsync(caller, ct);
        return (await FindAsync(caller, idOrName, ct))?.Id;
    }

    public async Task<SegmentView> CreateAsync(Caller caller, SegmentInput input, CancellationToken ct)
    {
        EnsureEditor(caller);
        var errors = new Dictionary<string, string[]>();
        var name = ValidateName(input.Name, errors, required: true);
        ValidateDescription(input.Description, errors);
        var rules = ParseRules(input.Rules, errors, required: true);
        if (errors.Count > 0) throw new InvalidInputException(errors);
        await EnsureBuiltInsAsync(caller, ct);
        if (await db.Segments.AnyAsync(s => s.TenantId == caller.TenantId && s.Name == name, ct))
            throw new InvalidInputException("name", $"A segment '{name}' already exists.");

        var now = clock.GetUtcNow().UtcDateTime;
        var segment = new Segment
        {
            TenantId = caller.TenantId,
            Name = name!,
            Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
            Rules = SegmentRuleParser.ToJson(rules!),
            CreatedAt = now,
            UpdatedAt = now,
            EvaluatedAt = now,
        };
        await SaveAndEvaluateAsync(caller, segment, add: true, now, ct);
        return await GetAsync(caller, segment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
    }

    public async Task<SegmentView> UpdateAsync(Caller caller, string idOrName, SegmentInput input, CancellationToken ct)
    {
        EnsureEditor(caller);
        await EnsureBuiltInsAsync(caller, ct);
        var segment = await FindAsync(caller, idOrName, ct, tracked: true) ?? throw new NotFoundException("No such segment.");
        var errors = new Dictionary<string, string[]>();
        var name = ValidateName(input.Name, errors, required: false);
        ValidateDescription(input.Description, errors);
        var rules = ParseRules(input.Rules, errors, required: false);
        if (name is not null && name != segment.Name)
        {
            if (segment.BuiltIn) errors["name"] = ["A built-in segment keeps its name; its rules and description can change."];
            else if (await db.Segments.AnyAsync(s => s.TenantId == caller.TenantId && s.Name == name && s.Id != segment.Id, ct))
                errors["name"] = [$"A segment '{name}' already exists."];
        }
        if (errors.Count > 0) throw new InvalidInputException(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        if (name is not null) segment.Name = name;
        if (input.Description is not null) segment.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        if (rules is not null) segment.Rules = SegmentRuleParser.ToJson(rules);
        segment.UpdatedAt = now;
        await SaveAndEvaluateAsync(caller, segment, add: false, now, ct);
        return await GetAsync(caller, segment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
    }

    public async Task DeleteAsync(Caller caller, string idOrName, CancellationToken ct)
    {
        EnsureEditor(caller);
        var segment = await FindAsync(caller, idOrName, ct, tracked: true) ?? throw new NotFoundException("No such segment.");
        if (segment.BuiltIn) throw new ForbiddenException("Built-in segments can be edited but not deleted.");
        db.Segments.Remove(segment);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>How many profiles the rules would select now, without saving anything.</summary>
    public async Task<long> PreviewAsync(Caller caller, JsonElement? rules, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var rule = ParseRules(rules, errors, required: true);
        if (errors.Count > 0) throw new InvalidInputException(errors);
        await settler.BeforeReadAsync(caller.TenantId, ct);
        await using var lease = await customers.OpenAsync(ct);
        return await SegmentEvaluator.CountAsync(null, db.Database.GetDbConnection(), caller.TenantId, rule!, clock.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>A page of a segment's members (sorted and paged as <see cref="CustomerDirectory.ListAsync"/>).</summary>
    public async Task<CustomerPage> MembersAsync(Caller caller, string idOrName, CustomerListQuery query, CancellationToken ct)
    {
        var segment = await GetAsync(caller, idOrName, ct);
        return await customers.ListAsync(caller, query with { Segment = segment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, ct);
    }

    /// <summary>Every member of a segment, by id, read a page at a time: for exports.</summary>
    public async IAsyncEnumerable<CustomerView> AllMembersAsync(Caller caller, string idOrName, [EnumeratorCancellation] CancellationToken ct)
    {
        var segment = await GetAsync(caller, idOrName, ct);
        var query = new CustomerListQuery(Segment: segment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Limit: CustomerDirectory.MaxLimit);
        do
        {
            var page = await customers.ListAsync(caller, query, ct);
            foreach (var item in page.Items) yield return item;
            query = query with { Cursor = page.NextCursor };
        }
        while (query.Cursor is not null);
    }

    /// <summary>Re-evaluates every segment of the tenant over all its profiles (the nightly pass).</summary>
    public async Task ReevaluateAllAsync(int tenantId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var transaction = tx.GetDbTransaction();
            await SegmentEvaluator.EnsureBuiltInsAsync(transaction, tenantId, now, ct);
            foreach (var segment in await SegmentEvaluator.AllAsync(transaction, tenantId, ct))
                await SegmentEvaluator.EvaluateAsync(transaction, tenantId, segment, null, now, ct);
            await tx.CommitAsync(ct);
        });
    }

    private async Task SaveAndEvaluateAsync(Caller caller, Segment segment, bool add, DateTime now, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (add) db.Segments.Add(segment);
            segment.EvaluatedAt = now;
            await db.SaveChangesAsync(ct);
            await SegmentEvaluator.EvaluateAsync(tx.GetDbTransaction(), caller.TenantId, new SegmentEvaluator.Rules(segment.Id, segment.Rules), null, now, ct);
            await tx.CommitAsync(ct);
        });
    }

    private async Task EnsureBuiltInsAsync(Caller caller, CancellationToken ct)
    {
        if (await db.Segments.CountAsync(s => s.TenantId == caller.TenantId && s.BuiltIn, ct) >= BuiltInSegments.All.Count) return;
        await ReevaluateAllAsync(caller.TenantId, ct);
    }

    private async Task<Segment?> FindAsync(Caller caller, string idOrName, CancellationToken ct, bool tracked = false)
    {
        var query = tracked ? db.Segments : db.Segments.AsNoTracking();
        return long.TryParse(idOrName, out var id)
            ? await query.FirstOrDefaultAsync(s => s.TenantId == caller.TenantId && s.Id == id, ct)
            : await query.FirstOrDefaultAsync(s => s.TenantId == caller.TenantId && s.Name == idOrName, ct);
    }

    private static void EnsureEditor(Caller caller)
    {
        if (!caller.CanWrite) throw new ForbiddenException("This key may only read.");
        if (!caller.IsInRole(Roles.Admin) && !caller.IsInRole(Roles.Analyst))
            throw new ForbiddenException("Only admins and analysts change segments.");
    }

    private static string? ValidateName(string? name, Dictionary<string, string[]> errors, bool required)
    {
        if (name is null)
        {
            if (required) errors["name"] = ["A name is required."];
            return null;
        }
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > MaxNameLength) errors["name"] = [$"A name has 1 to {MaxNameLength} characters."];
        else if (trimmed.All(char.IsAsciiDigit)) errors["name"] = ["A name is not only digits (those name segments by id)."];
        return trimmed;
    }

    private static void ValidateDescription(string? description, Dictionary<string, string[]> errors)
    {
        if (description is { Length: > 500 }) errors["description"] = ["A description has at most 500 characters."];
    }

    private SegmentRule? ParseRules(JsonElement? rules, Dictionary<string, string[]> errors, bool required)
    {
        if (rules is not { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null } element)
        {
            if (required) errors["rules"] = ["Rules are required: {\"all\": [{\"field\": \"ltv\", \"op\": \"gt\", \"value\": 1000}]}."];
            return null;
        }
        try
        {
            return SegmentRuleParser.Parse(element, "rules", (int)options.Value.ActivityRetention.TotalDays);
        }
        catch (InvalidInputException e)
        {
            foreach (var (key, value) in e.Errors) errors[key] = value;
            return null;
        }
    }

    private static SegmentView View(Segment s, long members) =>
        new(s.Id, s.Name, s.Description, s.Rules, s.BuiltIn, members, s.CreatedAt, s.UpdatedAt, s.EvaluatedAt);
}
