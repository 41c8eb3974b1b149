using System.Globalization;
using Analytics.Core.Data;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Core.Admin;

/// <summary>Reads and changes the tenant's name, time zone and default currency; changes are audited.</summary>
public sealed class TenantSettingsService(AnalyticsDbContext db, AuditLog audit)
{
    /// <summary>ISO 4217 codes of the cultures .NET knows, lower case as on the wire.</summary>
    public static readonly IReadOnlySet<string> Currencies = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).ISOCurrencySymbol.ToLowerInvariant(); } catch (ArgumentException) { return null; } })
        .OfType<string>().Where(c => c.Length == 3).ToHashSet();

    public async Task<TenantSettings> GetAsync(Caller caller, CancellationToken ct)
    {
        var tenant = await FindAsync(caller, ct);
        return new TenantSettings(tenant.Name, tenant.TimeZone, tenant.Currency);
    }

    public async Task<TenantSettings> UpdateAsync(Caller caller, TenantSettings input, CancellationToken ct)
    {
        if (!caller.IsInRole(Roles.Admin)) throw new ForbiddenException("Only admins change the tenant's settings.");
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200) errors["name"] = ["The name has 1 to 200 characters."];
        if (string.IsNullOrWhiteSpace(input.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(input.TimeZone, out _))
            errors["time_zone"] = ["Choose an IANA time zone such as Europe/Berlin."];
        var currency = input.Currency?.Trim().ToLowerInvariant() ?? "";
        if (!Currencies.Contains(currency)) errors["currency"] = ["Choose an ISO 4217 currency code such as usd or eur."];
        if (errors.Count > 0) throw new InvalidInputException(errors);

        var tenant = await FindAsync(caller, ct);
        var before = new TenantSettings(tenant.Name, tenant.TimeZone, tenant.Currency);
        var after = new TenantSettings(name, input.TimeZone!, currency);
        if (before == after) return after;
        (tenant.Name, tenant.TimeZone, tenant.Currency) = (after.Name, after.TimeZone, after.Currency);
        audit.Add(caller, AuditActions.SettingsChanged, $"tenant {tenant.Slug}", before, after);
        await db.SaveChangesAsync(ct);
        return after;
    }

    private async Task<Tenant> FindAsync(Caller caller, CancellationToken ct) =>
        await db.Tenants.FirstOrDefaultAsync(t => t.Id == caller.TenantId, ct) ?? throw new NotFoundException("No such tenant.");
}
