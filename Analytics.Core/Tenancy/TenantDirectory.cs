using System.Text.RegularExpressions;
using Analytics.Core.Data;
using Analytics.Core.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Analytics.Core.Tenancy;

/// <summary>Finds and creates tenants.</summary>
public sealed partial class TenantDirectory(AnalyticsDbContext db, TimeProvider clock)
{
    /// <summary>Path segments the API uses itself, such as <c>/api/analytics</c> (seed 000).</summary>
    private static readonly string[] ReservedSlugs = ["analytics", "account", "admin", "api", "health"];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex SlugPattern();

    public Task<Tenant?> FindBySlugAsync(string slug, CancellationToken ct) =>
        db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct);

    public async Task<Tenant> GetAsync(int id, CancellationToken ct) =>
        await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct)
        ?? throw new NotFoundException("No such tenant.");

    public async Task<Tenant> CreateAsync(string slug, string? name = null, string timeZone = "UTC", string currency = "usd", CancellationToken ct = default)
    {
        if (!SlugPattern().IsMatch(slug))
            throw new InvalidInputException("slug", "A slug is 1 to 63 lower-case letters, digits or '-', starting with a letter or digit.");
        if (ReservedSlugs.Contains(slug))
            throw new InvalidInputException("slug", $"'{slug}' is a reserved word of the API.");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            throw new InvalidInputException("time_zone", "Unknown IANA time zone.");
        if (await db.Tenants.AnyAsync(t => t.Slug == slug, ct))
            throw new InvalidInputException("slug", $"A tenant '{slug}' already exists.");
        var tenant = new Tenant
        {
            Slug = slug,
            Name = name ?? slug,
            TimeZone = timeZone,
            Currency = currency,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        // A tenant starts with the built-in customer segments, so no later read has to create them.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(ct);
        await Customers.SegmentEvaluator.EnsureBuiltInsAsync(transaction.GetDbTransaction(), tenant.Id, tenant.CreatedAt, ct);
        await transaction.CommitAsync(ct);
        return tenant;
    }
}
