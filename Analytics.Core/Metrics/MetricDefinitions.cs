using Analytics.Core.Admin;
using Analytics.Core.Data;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Core.Metrics;

/// <summary>
/// What each metric of a tenant means, the one source every surface reads (queries, widgets, reports, forecasts): the
/// tenant's edited definition, else the convention (<see cref="MetricConventions"/>), else an inferred one (a counter
/// without a unit) that an admin or analyst can edit.
/// </summary>
public sealed class MetricDefinitions(AnalyticsDbContext db, MetricStore store, ModuleDirectory modules, AuditLog audit, TimeProvider clock)
{
    /// <summary>The units with a meaning of their own; anything else is free text shown after the figure (such as °F).</summary>
    public static readonly IReadOnlyList<string> KnownUnits = [MetricDefinition.CurrencyUnit, "count", "percent", "score", "s", "min", "h", "d"];

    public const int MaxUnitLength = 16;
    public const int MaxDescriptionLength = 500;
    public const int MaxDecimals = 6;

    private readonly Dictionary<int, Dictionary<string, TenantMetricDefinition>> _edited = [];

    /// <summary>The definition of <paramref name="name"/> as the tenant uses it.</summary>
    public async Task<MetricDefinition> ForAsync(int tenantId, string name, CancellationToken ct) =>
        (await EditedAsync(tenantId, ct)).GetValueOrDefault(name)?.ToDefinition() ?? MetricConventions.For(name);

    /// <summary>Every metric the tenant has recorded or the conventions name, with its definition and where it comes from.</summary>
    public async Task<IReadOnlyList<MetricDefinitionView>> ListAsync(Caller caller, CancellationToken ct)
    {
        var edited = await EditedAsync(caller.TenantId, ct);
        var recorded = (await store.CatalogAsync(caller.TenantId, ct)).Select(c => c.Name);
        return MetricConventions.All.Select(d => d.Name).Concat(recorded).Concat(edited.Keys)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(name => View(name, edited.GetValueOrDefault(name)))
            .ToList();
    }

    /// <summary>Sets the tenant's definition of one metric (admin or analyst); audited with the definition before and after.</summary>
    public async Task<MetricDefinitionView> SetAsync(Caller caller, string name, MetricDefinitionInput input, CancellationToken ct)
    {
        if (!(caller.IsInRole(Roles.Admin) || caller.IsInRole(Roles.Analyst)) || !caller.CanWrite)
            throw new ForbiddenException("Only an admin or an analyst edits metric definitions.");
        var definition = Validate(name, input, await modules.NamesAsync(caller.TenantId, ct));
        var before = await ForAsync(caller.TenantId, name, ct);
        var row = await db.Set<TenantMetricDefinition>().SingleOrDefaultAsync(d => d.TenantId == caller.TenantId && d.Name == name, ct);
        if (row is null) db.Add(row = new TenantMetricDefinition { TenantId = caller.TenantId, Name = name });
        row.Kind = definition.Kind;
        row.Unit = definition.Unit;
        row.Aggregate = definition.Aggregate;
        row.HigherIsBetter = definition.HigherIsBetter;
        row.PartsAdd = definition.PartsAdd;
        row.Decimals = definition.Decimals;
        row.Module = definition.Module;
        row.Description = definition.Description;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(caller, AuditActions.MetricDefinitionChanged, name, Audited(before), Audited(definition));
        await db.SaveChangesAsync(ct);
        _edited.Remove(caller.TenantId);
        return View(name, row);
    }

    /// <summary>The definition an input describes, or every field that is wrong.</summary>
    public static MetricDefinition Validate(string name, MetricDefinitionInput input, IReadOnlyList<string> moduleNames)
    {
        var errors = new Dictionary<string, string[]>();
        if (!MetricEventValidator.NamePattern().IsMatch(name)) errors["name"] = ["Not a metric name."];
        var kind = MetricKind.Counter;
        if (input.Kind is null || !Enum.TryParse(input.Kind, true, out kind) || !Enum.IsDefined(kind) || input.Kind.Any(char.IsDigit))
            errors["kind"] = ["Use counter, gauge or ratio."];
        var aggregate = MetricAggregate.Sum;
        if (input.Aggregate is null || !Enum.TryParse(input.Aggregate, true, out aggregate) || !Enum.IsDefined(aggregate) || aggregate == MetricAggregate.Count
            || input.Aggregate.Any(char.IsDigit))
            errors["aggregate"] = ["Use sum, avg, min, max or last."];
        else if (kind != MetricKind.Counter && aggregate == MetricAggregate.Sum)
            errors["aggregate"] = ["A gauge or ratio is averaged or takes its last reading (or min, max) over time; it never sums across time."];
        var unit = string.IsNullOrWhiteSpace(input.Unit) ? null : input.Unit.Trim();
        if (unit is { Length: > MaxUnitLength } || unit?.Any(char.IsControl) == true)
            errors["unit"] = [$"A unit is currency, count, percent, score, a duration (s, min, h, d) or up to {MaxUnitLength} characters of text such as °F."];
        else if (kind == MetricKind.Ratio && unit is not (null or "percent"))
            errors["unit"] = ["A ratio is a share between 0 and 1: its unit is percent."];
        if (input.HigherIsBetter is null) errors["higher_is_better"] = ["Say whether a rise is good news (true) or bad news (false)."];
        if (input.Decimals is < 0 or > MaxDecimals) errors["decimals"] = [$"From 0 to {MaxDecimals} decimals, or none for the unit's own."];
        if (input.Module is { Length: > 0 } module && ModuleDirectory.Refusal(module, moduleNames) is { } refused) errors["module"] = [refused];
        if (input.Description is { Length: > MaxDescriptionLength }) errors["description"] = [$"At most {MaxDescriptionLength} characters."];
        if (errors.Count > 0) throw new InvalidInputException(errors);
        return new MetricDefinition(name, kind, kind == MetricKind.Ratio ? "percent" : unit, aggregate, input.HigherIsBetter!.Value,
            string.IsNullOrEmpty(input.Module) ? null : input.Module, input.Description?.Trim() ?? "", input.PartsAdd ?? false) { Decimals = input.Decimals };
    }

    /// <summary>A definition as the audit log keeps it, with the wire names of its kind and aggregate.</summary>
    private static object Audited(MetricDefinition d) => new
    {
        Kind = d.Kind.ToString().ToLowerInvariant(), d.Unit, Aggregate = d.Aggregate.ToString().ToLowerInvariant(), d.HigherIsBetter, d.PartsAdd,
        d.Decimals, d.Module, d.Description,
    };

    private static MetricDefinitionView View(string name, TenantMetricDefinition? row) =>
        row is not null ? new(row.ToDefinition(), MetricDefinitionView.Edited, row.UpdatedAt)
        : MetricConventions.IsNamed(name) ? new(MetricConventions.For(name), MetricDefinitionView.Convention, null)
        : new(MetricConventions.For(name), MetricDefinitionView.Inferred, null);

    private async Task<Dictionary<string, TenantMetricDefinition>> EditedAsync(int tenantId, CancellationToken ct)
    {
        if (_edited.TryGetValue(tenantId, out var known)) return known;
        var rows = await db.Set<TenantMetricDefinition>().IgnoreQueryFilters().AsNoTracking().Where(d => d.TenantId == tenantId).ToListAsync(ct);
        return _edited[tenantId] = rows.ToDictionary(r => r.Name, StringComparer.Ordinal);
    }
}
