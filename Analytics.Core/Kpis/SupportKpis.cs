using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;

namespace Analytics.Core.Kpis;

/// <summary>Helpdesk KPIs from <c>ticket_opened</c>, <c>ticket_resolved</c> (hours), <c>first_response_minutes</c> and <c>csat</c> (1–5).</summary>
public sealed class SupportKpis(KpiReader reader)
{
    public async Task<SupportReport> GetAsync(Caller caller, KpiRequest request, CancellationToken ct)
    {
        var w = await reader.OpenAsync(caller, request, ct);
        var opened = await w.SeriesAsync("ticket_opened", MetricAggregate.Count, ct: ct);
        var resolved = await w.SeriesAsync("ticket_resolved", MetricAggregate.Avg, ct: ct);
        var firstResponse = await w.ValueAsync("first_response_minutes", MetricAggregate.Avg, ct: ct);
        var csat = await w.SeriesAsync("csat", MetricAggregate.Avg, groupBy: MetricGrouping.Quarter, ct: ct);

        // The backlog is every ticket opened and not yet resolved in the stored history up to the window's end.
        long backlog = 0;
        if (w.ToUtc > w.HistoryFromUtc)
        {
            var history = w.Over(w.HistoryFromUtc, w.ToUtc, MetricGrouping.Quarter);
            backlog = Math.Max(0, await history.CountAsync("ticket_opened", ct: ct) - await history.CountAsync("ticket_resolved", ct: ct));
        }

        var openedBy = (await w.ByAsync("ticket_opened", "channel", MetricAggregate.Count, ct: ct)).ToDictionary(x => x.Value, x => x.Count);
        var resolvedBy = (await w.ByAsync("ticket_resolved", "channel", MetricAggregate.Avg, ct: ct)).ToDictionary(x => x.Value);
        var responseBy = (await w.ByAsync("first_response_minutes", "channel", MetricAggregate.Avg, ct: ct)).ToDictionary(x => x.Value, x => x.Total);
        var csatBy = (await w.ByAsync("csat", "channel", MetricAggregate.Avg, ct: ct)).ToDictionary(x => x.Value, x => x.Total);
        var channels = openedBy.Keys.Union(resolvedBy.Keys).Order(StringComparer.Ordinal)
            .Select(c => new ChannelSupport(c, openedBy.GetValueOrDefault(c),
                resolvedBy.TryGetValue(c, out var r) ? r.Count : 0,
                resolvedBy.TryGetValue(c, out var rh) ? Math.Round(rh.Total, 2) : null,
                responseBy.TryGetValue(c, out var f) ? Math.Round(f, 2) : null,
                csatBy.TryGetValue(c, out var s) ? Math.Round(s, 2) : null))
            .ToList();
        var series = opened.Data.Select((p, i) => new SupportPeriod(p.Date, p.Count, resolved.Data[i].Count,
            resolved.Data[i].Value is { } h ? Math.Round(h, 2) : null)).ToList();
        return new SupportReport(
            opened.Totals.Count,
            resolved.Totals.Count,
            backlog,
            resolved.Value is { } hours ? Math.Round(hours, 2) : null,
            firstResponse is { } minutes ? Math.Round(minutes, 2) : null,
            csat.Value is { } score ? Math.Round(score, 2) : null,
            csat.Totals.Count,
            channels,
            series) { Problems = w.Problems };
    }
}
