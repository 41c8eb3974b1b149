using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using static Analytics.Core.Kpis.KpiWindow;

namespace Analytics.Core.Kpis;

/// <summary>Marketing from <c>email_sent</c>, <c>email_open</c>, <c>email_click</c>, <c>conversion</c>, <c>unsubscribe</c> and <c>marketing_spend</c>, by <c>campaign</c>.</summary>
public sealed class MarketingKpis(KpiReader reader)
{
    private static readonly Dictionary<string, string> Email = new() { ["channel"] = "email" };

    public async Task<MarketingReport> GetAsync(Caller caller, KpiRequest request, CancellationToken ct)
    {
        var w = await reader.OpenAsync(caller, request, ct);
        var sent = await w.SeriesAsync("email_sent", ct: ct);
        var opens = await w.ValueAsync("email_open", ct: ct) ?? 0;
        var clicks = await w.ValueAsync("email_click", ct: ct) ?? 0;
        var conversions = await w.SeriesAsync("conversion", MetricAggregate.Count, ct: ct);
        var emailConversions = await w.CountAsync("conversion", Email, ct);
        var unsubscribes = await w.CountAsync("unsubscribe", ct: ct);
        var spend = await w.MoneyAsync("marketing_spend", ct: ct);
        var totalSent = sent.Totals.Sum;

        var spendBy = (await w.MoneyByAsync("marketing_spend", "campaign", ct)).ToDictionary(x => x.Value, x => x.Amount);
        var sentBy = (await w.ByAsync("email_sent", "campaign", ct: ct)).ToDictionary(x => x.Value, x => x.Total);
        var opensBy = (await w.ByAsync("email_open", "campaign", ct: ct)).ToDictionary(x => x.Value, x => x.Total);
        var clicksBy = (await w.ByAsync("email_click", "campaign", ct: ct)).ToDictionary(x => x.Value, x => x.Total);
        var conversionsBy = (await w.ByAsync("conversion", "campaign", MetricAggregate.Count, ct: ct)).ToDictionary(x => x.Value, x => x.Count);
        var campaigns = spendBy.Keys.Union(sentBy.Keys).Union(conversionsBy.Keys)
            .Select(c =>
            {
                var cost = spendBy.GetValueOrDefault(c);
                var converted = conversionsBy.GetValueOrDefault(c);
                return new CampaignFigures(c, Cents(cost), sentBy.GetValueOrDefault(c), opensBy.GetValueOrDefault(c), clicksBy.GetValueOrDefault(c),
                    converted, converted == 0 ? null : Cents(cost / converted));
            })
            .OrderByDescending(c => c.Spend).ThenBy(c => c.Campaign, StringComparer.Ordinal)
            .ToList();
        var series = spend.Series.Data.Select((p, i) => new MarketingPeriod(p.Date, Cents(spend.Values[i]), conversions.Data[i].Count, sent.Data[i].Value ?? 0)).ToList();
        return new MarketingReport(
            totalSent, opens, clicks, conversions.Totals.Count, emailConversions, unsubscribes,
            Ratio(opens, totalSent), Ratio(clicks, totalSent), Ratio(emailConversions, totalSent), Ratio(unsubscribes, totalSent),
            Cents(spend.Total),
            conversions.Totals.Count == 0 ? null : Cents(spend.Total / conversions.Totals.Count),
            w.Currency,
            campaigns,
            series) { Problems = w.Problems };
    }
}
