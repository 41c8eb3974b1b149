using Analytics.Core.Errors;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Kpis;

/// <summary>Opens a <see cref="KpiWindow"/>: checks the caller may read KPIs, parses the common parameters and loads the rates.</summary>
public sealed class KpiReader(MetricQueryService metrics, TenantDirectory tenants, ExchangeRateService rates, IOptions<RetentionOptions> retention, TimeProvider clock)
{
    /// <summary>Longest range grouped by day when no groupBy is given; longer ranges default to months.</summary>
    public const int DailyUpToDays = 92;

    public async Task<KpiWindow> OpenAsync(Caller caller, KpiRequest request, CancellationToken ct)
    {
        KpiAccess.EnsureCanRead(caller);
        var tenant = await tenants.GetAsync(caller.TenantId, ct);
        var errors = new Dictionary<string, string[]>();
        MetricQuery? range = null;
        try
        {
            range = MetricQueryService.Parse(new MetricQueryRequest("kpi", request.From, request.To, request.GroupBy), tenant.Zone, clock.GetUtcNow().UtcDateTime);
        }
        catch (InvalidInputException e)
        {
            foreach (var (field, messages) in e.Errors) errors[field == "group_by" ? "groupBy" : field] = messages;
        }
        if (string.Equals(request.GroupBy, "hour", StringComparison.OrdinalIgnoreCase) || errors.ContainsKey("groupBy"))
            errors["groupBy"] = ["Unknown groupBy; use day, week, month or quarter."];
        CurrencyConverter? converter = null;
        try
        {
            converter = await rates.ConverterAsync(caller.TenantId, request.Currency, ct);
        }
        catch (InvalidInputException e)
        {
            foreach (var (field, messages) in e.Errors) errors[field] = messages;
        }
        if (errors.Count > 0) throw new InvalidInputException(errors);

        if (string.IsNullOrEmpty(request.GroupBy) && (range!.ToUtc - range.FromUtc).TotalDays > DailyUpToDays)
            range = range with { GroupBy = MetricGrouping.Month };
        // The first whole tenant-local day the daily rollups still hold: where stored history starts.
        var coverage = TierCoverage.At(clock.GetUtcNow().UtcDateTime, RetentionPeriods.For(tenant, retention.Value));
        var historyFrom = TimeBuckets.ToUtc(DateOnly.FromDayNumber(coverage.DailyFromDay + 1).ToDateTime(TimeOnly.MinValue), tenant.Zone);
        return new KpiWindow(metrics, caller, tenant, range!, converter!, historyFrom);
    }
}
