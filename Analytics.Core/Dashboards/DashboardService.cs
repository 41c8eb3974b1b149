using Analytics.Core.Admin;
using Analytics.Core.Metrics;
using Analytics.Core.Data;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Core.Dashboards;

/// <summary>
/// Dashboards and their widgets for a caller: every read and write checks the tenant and <see cref="DashboardAccess"/>,
/// so the list, the pages, the API and exports agree. Another tenant's or an invisible dashboard is not found;
/// a visible one the caller may not change is forbidden.
/// </summary>
public sealed class DashboardService(AnalyticsDbContext db, AuditLog audit, ModuleDirectory modules, TimeProvider clock)
{
    public async Task<IReadOnlyList<DashboardSummary>> ListAsync(Caller caller, CancellationToken ct)
    {
        var dashboards = await Dashboards(caller).Include(d => d.Widgets).AsNoTracking().ToListAsync(ct);
        var owners = await OwnersAsync(dashboards, ct);
        return dashboards
            .Where(d => DashboardAccess.CanView(caller, d))
            .OrderByDescending(d => d.UpdatedAt)
            .Select(d => new DashboardSummary(d.Id, d.Name, d.Description, OwnerName(owners, d), d.SharedWith, d.Widgets.Count,
                d.CreatedAt, d.UpdatedAt, DashboardAccess.CanEdit(caller, d), DashboardAccess.CanDelete(caller, d)))
            .ToList();
    }

    public async Task<DashboardView> GetAsync(Caller caller, long id, CancellationToken ct)
    {
        var dashboard = await FindVisibleAsync(caller, id, tracking: false, ct);
        var owners = await OwnersAsync([dashboard], ct);
        dashboard.Widgets = [.. dashboard.Widgets.OrderBy(w => w.Y).ThenBy(w => w.X)];
        return new DashboardView(dashboard, OwnerName(owners, dashboard),
            DashboardAccess.CanEdit(caller, dashboard), DashboardAccess.CanDelete(caller, dashboard), DashboardAccess.CanShare(caller));
    }

    public async Task<DashboardView> CreateAsync(Caller caller, DashboardInput input, CancellationToken ct)
    {
        RequireWrite(caller);
        if (!DashboardAccess.CanCreate(caller)) throw new ForbiddenException("Only admins and analysts create dashboards.");
        // An analyst's dashboard is private to its owner; a key is nobody, so what it made could only be found by admins.
        if (caller.UserId is null && !caller.IsInRole(Roles.Admin))
            throw new ForbiddenException("An analyst's dashboard belongs to the analyst: sign in to create it, or use an admin key.");
        var validator = new DashboardValidator(await modules.NamesAsync(caller.TenantId, ct));
        validator.Dashboard(input, creating: true);
        validator.ThrowIfInvalid();
        if (input.SharedWith is { Count: > 0 } && !DashboardAccess.CanShare(caller))
            throw new ForbiddenException("Only admins share dashboards; create it private.");

        var now = clock.GetUtcNow().UtcDateTime;
        var dashboard = new Dashboard
        {
            TenantId = caller.TenantId,
            Name = input.Name!.Trim(),
            Description = input.Description,
            OwnerId = caller.UserId,
            SharedWith = Distinct(input.SharedWith),
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var widget in input.Widgets ?? []) dashboard.Widgets.Add(NewWidget(caller, dashboard, widget));
        db.Add(dashboard);
        await db.SaveChangesAsync(ct);
        return await GetAsync(caller, dashboard.Id, ct);
    }

    /// <summary>Renames, re-describes, shares (admin only) and moves widgets (by id) in one save.</summary>
    public async Task<DashboardView> UpdateAsync(Caller caller, long id, DashboardInput input, CancellationToken ct)
    {
        RequireWrite(caller);
        var dashboard = await FindVisibleAsync(caller, id, tracking: true, ct);
        if (!DashboardAccess.CanEdit(caller, dashboard)) throw new ForbiddenException("You may view this dashboard but not change it.");
        var validator = new DashboardValidator(await modules.NamesAsync(caller.TenantId, ct));
        validator.Dashboard(input, creating: false);
        validator.ThrowIfInvalid();
        if (input.SharedWith is not null && !DashboardAccess.CanShare(caller)) throw new ForbiddenException("Only admins change who a dashboard is shared with.");

        if (input.Name is not null) dashboard.Name = input.Name.Trim();
        if (input.Description is not null) dashboard.Description = input.Description;
        if (input.SharedWith is not null && Distinct(input.SharedWith) is var shared && !shared.SequenceEqual(dashboard.SharedWith))
        {
            audit.Add(caller, AuditActions.DashboardSharingChanged, Describe(dashboard), new { shared_with = dashboard.SharedWith }, new { shared_with = shared });
            dashboard.SharedWith = shared;
        }
        foreach (var move in input.Widgets ?? [])
        {
            var widget = dashboard.Widgets.FirstOrDefault(w => w.Id == move.Id)
                ?? throw new InvalidInputException("widgets", $"Widget {move.Id} is not on this dashboard.");
            if (move.Position is { } p) (widget.X, widget.Y, widget.W, widget.H) = (p.X, p.Y, p.W, p.H);
        }
        dashboard.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return await GetAsync(caller, id, ct);
    }

    public async Task DeleteAsync(Caller caller, long id, CancellationToken ct)
    {
        RequireWrite(caller);
        var dashboard = await FindVisibleAsync(caller, id, tracking: true, ct);
        if (!DashboardAccess.CanDelete(caller, dashboard)) throw new ForbiddenException("Only its owner or an admin deletes a dashboard.");
        db.Remove(dashboard);
        audit.Add(caller, AuditActions.DashboardDeleted, Describe(dashboard), before: new { dashboard.Name, owner = dashboard.OwnerId, widgets = dashboard.Widgets.Count });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Copies a visible dashboard into a new private one owned by the caller.</summary>
    public async Task<DashboardView> DuplicateAsync(Caller caller, long id, CancellationToken ct)
    {
        var source = (await GetAsync(caller, id, ct)).Dashboard;
        var copy = new DashboardInput($"{source.Name} (copy)"[..Math.Min(200, source.Name.Length + 7)], source.Description, [],
            source.Widgets.Select(ToInput).ToList());
        return await CreateAsync(caller, copy, ct);
    }

    public async Task<Widget> AddWidgetAsync(Caller caller, long dashboardId, WidgetInput input, CancellationToken ct)
    {
        RequireWrite(caller);
        var dashboard = await FindVisibleAsync(caller, dashboardId, tracking: true, ct);
        if (!DashboardAccess.CanEdit(caller, dashboard)) throw new ForbiddenException("You may view this dashboard but not change it.");
        var validator = new DashboardValidator(await modules.NamesAsync(caller.TenantId, ct));
        validator.Widget(input);
        validator.ThrowIfInvalid();
        var widget = NewWidget(caller, dashboard, input);
        dashboard.Widgets.Add(widget);
        dashboard.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return widget;
    }

    public async Task<Widget> UpdateWidgetAsync(Caller caller, long widgetId, WidgetInput input, CancellationToken ct)
    {
        RequireWrite(caller);
        var (dashboard, widget) = await FindWidgetAsync(caller, widgetId, ct);
        var validator = new DashboardValidator(await modules.NamesAsync(caller.TenantId, ct));
        validator.Widget(input, creating: false);
        validator.ThrowIfInvalid();
        Apply(widget, input);
        var check = new DashboardValidator(await modules.NamesAsync(caller.TenantId, ct));
        check.Widget(ToInput(widget));
        check.ThrowIfInvalid();
        dashboard.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return widget;
    }

    public async Task DeleteWidgetAsync(Caller caller, long widgetId, CancellationToken ct)
    {
        RequireWrite(caller);
        var (dashboard, widget) = await FindWidgetAsync(caller, widgetId, ct);
        dashboard.Widgets.Remove(widget);
        db.Remove(widget);
        dashboard.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    public static WidgetInput ToInput(Widget w) => new(w.Type, w.Title, w.Metric, w.Module, w.Period, w.From, w.To, w.GroupBy, w.Agg, w.By,
        w.Filters, w.HigherIsBetter, new WidgetPosition(w.X, w.Y, w.W, w.H), w.Id, w.FixedPeriod);

    private async Task<(Dashboard, Widget)> FindWidgetAsync(Caller caller, long widgetId, CancellationToken ct)
    {
        var dashboardId = await db.Set<Widget>().Where(w => w.TenantId == caller.TenantId && w.Id == widgetId).Select(w => (long?)w.DashboardId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("No such widget.");
        var dashboard = await FindVisibleAsync(caller, dashboardId, tracking: true, ct, notFound: "No such widget.");
        if (!DashboardAccess.CanEdit(caller, dashboard)) throw new ForbiddenException("You may view this dashboard but not change it.");
        return (dashboard, dashboard.Widgets.Single(w => w.Id == widgetId));
    }

    private async Task<Dashboard> FindVisibleAsync(Caller caller, long id, bool tracking, CancellationToken ct, string notFound = "No such dashboard.")
    {
        var query = Dashboards(caller).Include(d => d.Widgets).Where(d => d.Id == id);
        var dashboard = await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
        if (dashboard is null || !DashboardAccess.CanView(caller, dashboard)) throw new NotFoundException(notFound);
        return dashboard;
    }

    private IQueryable<Dashboard> Dashboards(Caller caller) => db.Set<Dashboard>().Where(d => d.TenantId == caller.TenantId);

    private static Widget NewWidget(Caller caller, Dashboard dashboard, WidgetInput input)
    {
        var widget = new Widget { TenantId = caller.TenantId, Type = input.Type!, Title = input.Title!, Metric = input.Metric! };
        Apply(widget, input);
        if (input.Position is null)
        {
            var (w, h) = WidgetPlacement.DefaultSize(widget.Type);
            (widget.X, widget.Y, widget.W, widget.H) = WidgetPlacement.FirstFree(dashboard.Widgets, w, h);
        }
        return widget;
    }

    private static void Apply(Widget widget, WidgetInput input)
    {
        widget.Type = input.Type ?? widget.Type;
        widget.Title = input.Title?.Trim() ?? widget.Title;
        widget.Metric = input.Metric ?? widget.Metric;
        if (input.Module is not null) widget.Module = input.Module.Length == 0 ? null : input.Module;
        widget.Period = input.Period ?? widget.Period;
        if (input.Period is not null && input.Period != "custom") (widget.From, widget.To) = (null, null);
        widget.From = input.From ?? widget.From;
        widget.To = input.To ?? widget.To;
        widget.GroupBy = input.GroupBy?.ToLowerInvariant() ?? widget.GroupBy;
        widget.Agg = input.Agg?.ToLowerInvariant() ?? widget.Agg;
        if (input.By is not null) widget.By = input.By.Length == 0 ? null : input.By;
        if (input.Filters is not null) widget.Filters = new Dictionary<string, string>(input.Filters);
        widget.HigherIsBetter = input.HigherIsBetter ?? widget.HigherIsBetter;
        widget.FixedPeriod = input.FixedPeriod ?? widget.FixedPeriod;
        if (input.Position is { } p) (widget.X, widget.Y, widget.W, widget.H) = (p.X, p.Y, p.W, p.H);
    }

    private static void RequireWrite(Caller caller)
    {
        if (!caller.CanWrite) throw new ForbiddenException("This key may only read.");
    }

    private static string Describe(Dashboard dashboard) => $"dashboard {dashboard.Id} \"{dashboard.Name}\"";

    private static List<string> Distinct(IReadOnlyList<string>? roles) => roles?.Distinct().ToList() ?? [];

    private async Task<Dictionary<string, string>> OwnersAsync(IEnumerable<Dashboard> dashboards, CancellationToken ct)
    {
        var ids = dashboards.Select(d => d.OwnerId).OfType<string>().Distinct().ToList();
        return await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.UserName ?? u.Id, ct);
    }

    private static string OwnerName(Dictionary<string, string> owners, Dashboard d) =>
        d.OwnerId is { } id && owners.TryGetValue(id, out var name) ? name : "API";
}
