using Analytics.Core.Metrics;

namespace Analytics.Web.Components.Widgets;

/// <summary>Cuts a series' breakdown to its largest values plus one "Other" slice, aggregating the rest as the query does.</summary>
public static class BreakdownSlices
{
    public const string OtherLabel = "Other";

    /// <summary>The <paramref name="keep"/> largest values, then "Other" when more remain (and the aggregate can combine them).</summary>
    public static IReadOnlyList<BreakdownSlice> Top(MetricSeries series, int keep)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keep);
        var agg = series.Query.Agg;
        // The breakdown arrives largest first; a single extra value is shown itself rather than as an "Other" of one.
        var cut = series.Breakdown.Count > keep + 1 ? keep : series.Breakdown.Count;
        var slices = series.Breakdown.Take(cut)
            .Select(b => new BreakdownSlice(b.Value, b.Total, b.Data.Select(p => p.Value).ToList()))
            .ToList();
        var rest = series.Breakdown.Skip(cut).ToList();
        if (rest.Count > 0 && agg != MetricAggregate.Last)
            slices.Add(new BreakdownSlice(OtherLabel, Combine(agg, rest.Select(b => (b.Total, b.Summary.Total, b.Summary.Count))),
                Enumerable.Range(0, series.Data.Count)
                    .Select(i => Combine(agg, rest.Select(b => (b.Data[i].Value, b.Data[i].Value * b.Data[i].Count ?? 0, b.Data[i].Count))))
                    .ToList(),
                IsOther: true));
        return slices;
    }

    // "Last" cannot be combined without the events' timestamps, so Top() leaves the rest out instead.
    private static double? Combine(MetricAggregate agg, IEnumerable<(double? Value, double Sum, long Count)> parts)
    {
        var list = parts.ToList();
        var values = list.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        return agg switch
        {
            MetricAggregate.Sum or MetricAggregate.Count => values.Sum(),
            MetricAggregate.Avg => list.Sum(p => p.Count) is var n and > 0 ? list.Sum(p => p.Sum) / n : null,
            MetricAggregate.Min => values.Count > 0 ? values.Min() : null,
            MetricAggregate.Max => values.Count > 0 ? values.Max() : null,
            _ => null,
        };
    }
}
