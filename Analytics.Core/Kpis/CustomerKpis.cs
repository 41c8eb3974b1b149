using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using static Analytics.Core.Kpis.KpiWindow;

namespace Analytics.Core.Kpis;

/// <summary>
/// Acquisition from <c>customer_signup</c>, <c>customer_churned</c> and <c>marketing_spend</c>; lifetime value and retention
/// from the customer profiles and their activity (<see cref="CustomerBase"/>).
/// </summary>
public sealed class CustomerKpis(KpiReader reader, CustomerBase customers)
{
    public async Task<CustomersReport> GetAsync(Caller caller, KpiRequest request, CancellationToken ct)
    {
        var w = await reader.OpenAsync(caller, request, ct);
        var signups = await w.CountAsync("customer_signup", ct: ct);
        var churned = await w.CountAsync("customer_churned", ct: ct);
        var spend = await w.MoneyAsync("marketing_spend", MetricGrouping.Quarter, ct);
        var ltv = await customers.AverageLifetimeValueAsync(w, ct);
        var (atStart, lost) = await customers.RetentionAsync(w, ct);
        double? cac = signups == 0 ? null : spend.Total / signups;
        var channels = (await w.ByAsync("customer_signup", "channel", MetricAggregate.Count, ct: ct))
            .Select(c => new AcquisitionChannel(c.Value, c.Count, Ratio(c.Count, signups)))
            .OrderByDescending(c => c.Customers).ThenBy(c => c.Channel, StringComparer.Ordinal)
            .ToList();
        return new CustomersReport(
            signups,
            churned,
            signups - churned,
            ltv is { } l ? Cents(l) : null,
            cac is { } c ? Cents(c) : null,
            ltv is { } lv && cac is { } cc && cc > 0 && MetricValueRange.Finite(lv / cc) is { } ratio ? Math.Round(ratio, 2) : null,
            atStart == 0 ? null : Math.Round(1 - (double)lost / atStart, 4, MidpointRounding.AwayFromZero),
            channels,
            Cents(spend.Total),
            atStart,
            w.Currency) { Problems = w.Problems };
    }
}
