using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using static Analytics.Core.Kpis.KpiWindow;

namespace Analytics.Core.Kpis;

/// <summary>The sales funnel from <c>deal_stage</c> events by <c>stage</c>, and <c>deal_cycle_days</c>.</summary>
public sealed class SalesKpis(KpiReader reader)
{
    public static readonly IReadOnlyList<string> Stages = ["leads", "qualified", "proposal", "negotiation", "won"];

    public async Task<SalesReport> GetAsync(Caller caller, KpiRequest request, CancellationToken ct)
    {
        var w = await reader.OpenAsync(caller, request, ct);
        var byStage = (await w.MoneyByAsync("deal_stage", "stage", ct)).ToDictionary(s => s.Value);
        var funnel = Stages.Select(s => byStage.TryGetValue(s, out var x)
            ? new FunnelStage(s, x.Count, Cents(x.Amount))
            : new FunnelStage(s, 0, 0)).ToList();
        var leads = funnel[0];
        var won = funnel[^1];
        var lost = byStage.TryGetValue("lost", out var l) ? l.Count : 0;
        var cycle = await w.ValueAsync("deal_cycle_days", MetricAggregate.Avg, ct: ct);
        return new SalesReport(
            funnel,
            Ratio(won.Count, leads.Count),
            won.Count == 0 ? 0 : Cents((double)won.Value / won.Count),
            cycle is { } c ? Math.Round(c, 1) : null,
            lost,
            w.Currency) { Problems = w.Problems };
    }
}
