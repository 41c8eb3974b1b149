using System.Text.Json.Serialization;

namespace Analytics.Core.Reports;

/// <summary>
/// When a report runs: <c>daily</c>, <c>weekly</c> with a weekday, <c>monthly</c> with a day of the month (1–28 or
/// <c>last</c>), each at <c>time</c> (HH:mm) in the tenant's zone; or <c>cron</c> with a five-field expression.
/// </summary>
public sealed record ReportScheduleInput(
    string? Frequency = null,
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Day = null,
    string? Time = null,
    string? Cron = null);
