using System.Globalization;
using Analytics.Core.Errors;
using Analytics.Core.Kpis;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;

namespace Analytics.Core.Insights;

/// <summary>Forecasts a metric (revenue by default) from its stored history; the method is <see cref="Forecaster"/>.</summary>
public sealed class ForecastService(KpiReader reader, TimeProvider clock)
{
    public const int MaxPeriods = 36;

    /// <summary>A dashboard line chart whose metric is <c>forecast.&lt;metric&gt;</c> shows this forecast.</summary>
    public const string WidgetPrefix = "forecast.";

    public async Task<ForecastResult> GetAsync(Caller caller, ForecastRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var periods = 3;
        if (!string.IsNullOrEmpty(request.Periods) && (!int.TryParse(request.Periods, NumberStyles.None, CultureInfo.InvariantCulture, out periods) || periods is < 1 or > MaxPeriods))
            errors["periods"] = [$"periods is a whole number from 1 to {MaxPeriods}."];
        var granularity = MetricGrouping.Month;
        if (!string.IsNullOrEmpty(request.Granularity)
            && (!Enum.TryParse(request.Granularity, ignoreCase: true, out granularity) || granularity == MetricGrouping.Hour || request.Granularity.Any(char.IsDigit)))
            errors["granularity"] = ["Unknown granularity; use day, week, month or quarter."];
        var metric = string.IsNullOrEmpty(request.Metric) || request.Metric == "revenue" ? "order_value" : request.Metric;
        if (!MetricEventValidator.NamePattern().IsMatch(metric)) errors["metric"] = ["Not a metric name."];
        if (errors.Count > 0)
        {
            // Report the currency too, if it is also wrong.
            try { await reader.OpenAsync(caller, new KpiRequest(Currency: request.Currency), ct); }
            catch (InvalidInputException e) { foreach (var (k, v) in e.Errors) errors[k] = v; }
            throw new InvalidInputException(errors);
        }

        var w = await reader.OpenAsync(caller, new KpiRequest(Currency: request.Currency), ct);
        var zone = w.Tenant.Zone;
        var now = clock.GetUtcNow().UtcDateTime;
        var current = TimeBuckets.StartOf(TimeBuckets.ToLocal(now, zone), granularity);
        var currentUtc = TimeBuckets.ToUtc(current, zone);
        var definition = await w.DefinitionAsync(metric, ct);
        var money = definition.IsMoney;
        var history = currentUtc > w.HistoryFromUtc
            ? await HistoryAsync(w, definition, granularity, currentUtc, ct)
            : [];
        w.EnsureReadable();

        var season = Season(granularity);
        var (model, points, confidence, origins) = Forecaster.Run(history.Select(h => h.Actual).ToList(), season, periods);
        var forecast = new List<ForecastPoint>(periods);
        var next = current;
        foreach (var p in points)
        {
            forecast.Add(new ForecastPoint(TimeBuckets.Label(next, granularity), Round(p.Predicted, money), Round(p.Low, money), Round(p.High, money)));
            next = TimeBuckets.Next(next, granularity);
        }
        return new ForecastResult(model, now, forecast, confidence, money ? w.Currency : null, metric,
            granularity.ToString().ToLowerInvariant(), Forecaster.IntervalLevel, model == Forecaster.SeasonalModel ? season : null, history, origins);
    }

    /// <summary>Days per season by granularity: a week of days, a year of weeks, months or quarters.</summary>
    public static double Season(MetricGrouping granularity) => granularity switch
    {
        MetricGrouping.Day => 7,
        MetricGrouping.Week => 365.25 / 7,
        MetricGrouping.Month => 12,
        _ => 4,
    };

    /// <summary>Whole buckets from the first one that starts on or after the first day with data, up to the bucket in progress.</summary>
    private static async Task<IReadOnlyList<ForecastActual>> HistoryAsync(KpiWindow w, MetricDefinition definition, MetricGrouping granularity, DateTime untilUtc, CancellationToken ct)
    {
        var (metric, money, agg) = (definition.Name, definition.IsMoney, definition.DailyAggregate);
        var days = await w.Over(w.HistoryFromUtc, untilUtc, MetricGrouping.Day).SeriesAsync(metric, MetricAggregate.Count, groupBy: MetricGrouping.Day, ct: ct);
        if (days.Data.FirstOrDefault(d => d.Count > 0) is not { } first) return [];
        var zone = w.Tenant.Zone;
        var firstLocal = TimeBuckets.ToLocal(first.StartUtc, zone);
        var start = TimeBuckets.StartOf(firstLocal, granularity);
        if (start < firstLocal) start = TimeBuckets.Next(start, granularity);
        var startUtc = TimeBuckets.ToUtc(start, zone);
        if (startUtc >= untilUtc) return [];

        var window = w.Over(startUtc, untilUtc, granularity);
        if (money)
        {
            var amounts = await window.MoneyAsync(metric, ct: ct);
            return amounts.Series.Data.Select((p, i) => new ForecastActual(p.Date, Round(amounts.Values[i], true))).ToList();
        }
        var series = await window.SeriesAsync(metric, agg, ct: ct);
        var actuals = new List<ForecastActual>(series.Data.Count);
        double? last = null;
        foreach (var p in series.Data)
        {
            // An average over an empty bucket carries the previous one; a sum over it is zero.
            var value = p.Value ?? (agg == MetricAggregate.Avg ? last ?? 0 : 0);
            last = value;
            actuals.Add(new ForecastActual(p.Date, Math.Round(value, 4)));
        }
        return actuals;
    }

    private static double Round(double value, bool money) => Math.Round(value, money ? 2 : 4, MidpointRounding.AwayFromZero);
}
