using System.Text.Json;
using Analytics.Core.Data;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Core.Admin;

/// <summary>
/// Records changes into the same unit of work as the change itself, so an entry exists exactly when the change was
/// saved; and lets admins read the log.
/// </summary>
public sealed class AuditLog(AnalyticsDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Adds an entry to the pending changes; the caller's SaveChanges writes it with the change.</summary>
    public void Add(Caller caller, string action, string target, object? before = null, object? after = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = caller.TenantId,
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = caller.UserId,
            Actor = caller.Name ?? caller.UserId ?? "system",
            Action = action,
            Target = target,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });

    public async Task<AuditPage> ListAsync(Caller caller, AuditQuery query, CancellationToken ct)
    {
        if (!caller.IsInRole(Roles.Admin)) throw new ForbiddenException("Only admins read the audit log.");
        if (query.Take is < 1 or > 500) throw new InvalidInputException("take", "Take 1 to 500 entries at a time.");
        if (query.Skip < 0) throw new InvalidInputException("skip", "Skip cannot be negative.");
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.TenantId == caller.TenantId);
        if (!string.IsNullOrWhiteSpace(query.Action)) entries = entries.Where(e => e.Action == query.Action);
        if (!string.IsNullOrWhiteSpace(query.Actor)) entries = entries.Where(e => e.Actor.Contains(query.Actor.Trim()));
        if (query.FromUtc is { } from) entries = entries.Where(e => e.At >= from);
        if (query.ToUtc is { } to) entries = entries.Where(e => e.At < to);
        var total = await entries.CountAsync(ct);
        var page = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip(query.Skip).Take(query.Take).ToListAsync(ct);
        return new AuditPage(page, total);
    }
}
