using System.Globalization;
using Analytics.Core.Data;
using Analytics.Core.Errors;
using Analytics.Core.Kpis;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Core.Insights;

/// <summary>Lists a tenant's stored anomalies and runs the detector on demand (admin).</summary>
public sealed class AnomalyService(AnalyticsDbContext db, AnomalyDetector detector)
{
    public const int MaxResults = 500;

    public async Task<IReadOnlyList<Anomaly>> ListAsync(Caller caller, AnomalyQuery query, CancellationToken ct)
    {
        KpiAccess.EnsureCanRead(caller);
        var errors = new Dictionary<string, string[]>();
        AnomalySeverity? minimum = null;
        if (!string.IsNullOrEmpty(query.Severity))
        {
            if (Enum.TryParse<AnomalySeverity>(query.Severity, ignoreCase: true, out var s) && !query.Severity.Any(char.IsDigit)) minimum = s;
            else errors["severity"] = ["Unknown severity; use low, medium or high."];
        }
        if (query.Metric is { Length: > 0 } metric && !MetricEventValidator.NamePattern().IsMatch(metric)) errors["metric"] = ["Not a metric name."];
        var from = ParseDay(query.From, "from", errors);
        var to = ParseDay(query.To, "to", errors);
        if (errors.Count > 0) throw new InvalidInputException(errors);
        if (from > to) throw new UnprocessableException("'from' is after 'to'.");

        var anomalies = db.Anomalies.AsNoTracking().Where(a => a.TenantId == caller.TenantId);
        if (minimum is { } min) anomalies = anomalies.Where(a => a.Severity >= min);
        if (!string.IsNullOrEmpty(query.Metric)) anomalies = anomalies.Where(a => a.Metric == query.Metric);
        if (from is { } f) anomalies = anomalies.Where(a => a.Day >= f);
        if (to is { } t) anomalies = anomalies.Where(a => a.Day <= t);
        return await anomalies.OrderByDescending(a => a.Day).ThenByDescending(a => a.Severity).ThenBy(a => a.Metric).Take(MaxResults).ToListAsync(ct);
    }

    /// <summary>Runs the detector now for the caller's tenant (admin); returns the findings stored by this run.</summary>
    public async Task<IReadOnlyList<Anomaly>> DetectAsync(Caller caller, CancellationToken ct)
    {
        if (!caller.IsInRole(Roles.Admin)) throw new ForbiddenException("Only an admin runs the anomaly detector.");
        // The detector stores what it finds: that is a write.
        if (!caller.CanWrite) throw new ForbiddenException("This key may only read.");
        return await detector.DetectAsync(caller.TenantId, ct);
    }

    private static DateOnly? ParseDay(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant) && text.Contains('T')) return DateOnly.FromDateTime(instant);
        errors[field] = ["Not an ISO 8601 date."];
        return null;
    }
}
