using Analytics.Core.Customers;
using Analytics.Core.Data;
using Analytics.Core.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Core.Kpis;

/// <summary>
/// What customer KPIs need from customer profiles, kept narrow so the profile source can change in one place:
/// how many customers were known at an instant, and their average lifetime value.
/// </summary>
public sealed class CustomerBase(AnalyticsDbContext db)
{
    /// <summary>Customers whose profile was first seen before <paramref name="utc"/>.</summary>
    public Task<int> KnownBeforeAsync(int tenantId, DateTime utc, CancellationToken ct) =>
        db.Set<CustomerProfile>().Where(p => p.TenantId == tenantId && p.FirstSeen < utc).CountAsync(ct);

    /// <summary>
    /// Average lifetime value at the window's end: net revenue (orders less refunds, converted) over the stored
    /// history, divided by the customers known by then. Null without customers.
    /// </summary>
    public async Task<double?> AverageLifetimeValueAsync(KpiWindow w, CancellationToken ct)
    {
        var customers = await KnownBeforeAsync(w.Caller.TenantId, w.ToUtc, ct);
        if (customers == 0) return null;
        if (w.ToUtc <= w.HistoryFromUtc) return null;
        var history = w.Over(w.HistoryFromUtc, w.ToUtc, MetricGrouping.Quarter);
        var revenue = await history.MoneyAsync("order_value", ct: ct);
        var refunds = await history.MoneyAsync("refund_amount", ct: ct);
        return (revenue.Total - refunds.Total) / customers;
    }

    /// <summary>Customers at the window's start: known before it, less those who churned before it.</summary>
    public async Task<long> ActiveAtStartAsync(KpiWindow w, CancellationToken ct)
    {
        var known = await KnownBeforeAsync(w.Caller.TenantId, w.FromUtc, ct);
        var churned = w.FromUtc <= w.HistoryFromUtc ? 0
            : await w.Over(w.HistoryFromUtc, w.FromUtc, MetricGrouping.Quarter).CountAsync("customer_churned", ct: ct);
        return Math.Max(0, known - churned);
    }
}
