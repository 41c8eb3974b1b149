using System.Text.Json;
using Analytics.Core.Customers;
using Analytics.Core.Data;
using Analytics.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Kpis;

/// <summary>
/// What customer KPIs read from the customer profiles and their activity: the average lifetime value of the customers
/// known at a window's end, and who of the customers at a window's start churned in it. Plain LINQ, so it reads the
/// same on every database provider.
/// </summary>
public sealed class CustomerBase(AnalyticsDbContext db, TenantCurrencies currencies, CustomerSettler settler, IOptions<CustomerOptions> options)
{
    /// <summary>The event that marks a customer as lost (DESIGN.md's conventions).</summary>
    public const string ChurnMetric = "customer_churned";

    /// <summary>
    /// Average lifetime value at the window's end, in the window's currency: the profiles' LTV (attributed revenue less
    /// refunds, in the tenant currency) of the customers first seen before the end, less what their activity after
    /// the end added, divided by their number. Null without customers.
    /// </summary>
    public async Task<double?> AverageLifetimeValueAsync(KpiWindow w, CancellationToken ct)
    {
        var tenantId = w.Caller.TenantId;
        // Profiles count settled activity only; settling first makes them and the activity read below agree.
        await settler.BeforeReadAsync(tenantId, ct);
        var to = w.ToUtc;
        var known = db.Customers.AsNoTracking().Where(p => p.TenantId == tenantId && p.FirstSeen < to);
        var values = await known.Select(p => p.Ltv).ToListAsync(ct);
        if (values.Count == 0) return null;

        // Lifetime values are kept current; the window may end in the past, so take off what came after it (nothing for a
        // window ending today), converted as ingest converted each event.
        var o = options.Value;
        var names = o.RevenueMetrics.Concat(o.RefundMetrics).ToList();
        var toTicks = to.Ticks;
        var later = await db.CustomerActivity.AsNoTracking()
            .Where(a => a.TenantId == tenantId && a.Ticks >= toTicks && names.Contains(a.Name))
            .Join(known, a => a.CustomerKey, p => p.Id, (a, p) => new { a.Name, a.Value, a.Dimensions })
            .ToListAsync(ct);
        var laterCents = 0L;
        if (later.Count > 0)
        {
            var table = await currencies.ForTenantAsync(tenantId, ct);
            foreach (var a in later)
                laterCents += CustomerFigures.LtvCents(a.Name, a.Value, Currency(a.Dimensions), table, o) ?? 0;
        }
        var total = values.Sum() - laterCents / 100m;
        // Profiles hold the tenant's own currency: convert it into the window's.
        return (double)total / values.Count * w.Converter.FromBase;
    }

    /// <summary>
    /// Customers at the window's start (first seen before it and not churned before it) and how many of them churned
    /// in the window, by the <see cref="ChurnMetric"/> events of their activity.
    /// </summary>
    public async Task<(long AtStart, long Churned)> RetentionAsync(KpiWindow w, CancellationToken ct)
    {
        var tenantId = w.Caller.TenantId;
        await settler.BeforeReadAsync(tenantId, ct);
        var from = w.FromUtc;
        var fromTicks = from.Ticks;
        var toTicks = w.ToUtc.Ticks;
        var activity = db.CustomerActivity.AsNoTracking().Where(a => a.TenantId == tenantId && a.Name == ChurnMetric);
        var atStart = db.Customers.AsNoTracking()
            .Where(p => p.TenantId == tenantId && p.FirstSeen < from && !activity.Any(a => a.CustomerKey == p.Id && a.Ticks < fromTicks));
        var count = await atStart.CountAsync(ct);
        if (count == 0) return (0, 0);
        var churned = await atStart.CountAsync(p => activity.Any(a => a.CustomerKey == p.Id && a.Ticks >= fromTicks && a.Ticks < toTicks), ct);
        return (count, churned);
    }

    private static string? Currency(string dimensions)
    {
        if (dimensions.Length < 3) return null;
        using var json = JsonDocument.Parse(dimensions);
        return json.RootElement.TryGetProperty("currency", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
    }
}
