using Analytics.Core.Admin;
using Analytics.Core.Data;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Core.Metrics;

/// <summary>
/// A tenant's modules: the defaults every tenant starts with (<see cref="Modules.All"/>) and those its admin added.
/// Ingest, queries, widgets, reports and definitions accept exactly these.
/// </summary>
public sealed class ModuleDirectory(AnalyticsDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Most modules a tenant may add to the defaults.</summary>
    public const int MaxAdded = 50;

    private readonly Dictionary<int, IReadOnlyList<string>> _read = [];

    /// <summary>The tenant's module names: the defaults first, then its own in the order they were added.</summary>
    public async Task<IReadOnlyList<string>> NamesAsync(int tenantId, CancellationToken ct)
    {
        if (_read.TryGetValue(tenantId, out var known)) return known;
        var added = await db.Set<TenantModule>().IgnoreQueryFilters().AsNoTracking().Where(m => m.TenantId == tenantId)
            .OrderBy(m => m.Id).Select(m => m.Name).ToListAsync(ct);
        return _read[tenantId] = [.. Modules.All, .. added];
    }

    /// <summary>The module error for a name the tenant does not have, or null.</summary>
    public static string? Refusal(string module, IReadOnlyList<string> names) =>
        names.Contains(module) ? null : $"Unknown module; use one of {string.Join(", ", names)}.";

    public async Task<IReadOnlyList<TenantModule>> AddedAsync(Caller caller, CancellationToken ct) =>
        await db.Set<TenantModule>().AsNoTracking().Where(m => m.TenantId == caller.TenantId).OrderBy(m => m.Id).ToListAsync(ct);

    /// <summary>Adds a module (admin): a name as metric names are written, not one the tenant has.</summary>
    public async Task<TenantModule> AddAsync(Caller caller, string? name, string? description, CancellationToken ct)
    {
        if (!caller.IsInRole(Roles.Admin) || !caller.CanWrite) throw new ForbiddenException("Only an admin adds modules.");
        var names = await NamesAsync(caller.TenantId, ct);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(name) || !MetricEventValidator.DimensionKeyPattern().IsMatch(name))
            errors["name"] = ["Use lower-case letters, digits or '_', starting with a letter, at most 64 characters."];
        else if (names.Contains(name)) errors["name"] = [$"The tenant already has the module {name}."];
        if (description is { Length: > 200 }) errors["description"] = ["At most 200 characters."];
        if (names.Count - Modules.All.Count >= MaxAdded) errors["name"] = [$"A tenant adds at most {MaxAdded} modules."];
        if (errors.Count > 0) throw new InvalidInputException(errors);

        var module = new TenantModule { TenantId = caller.TenantId, Name = name!, Description = description?.Trim() ?? "", CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(module);
        audit.Add(caller, AuditActions.ModuleAdded, name!, after: new { module.Name, module.Description });
        await db.SaveChangesAsync(ct);
        _read.Remove(caller.TenantId);
        return module;
    }
}
