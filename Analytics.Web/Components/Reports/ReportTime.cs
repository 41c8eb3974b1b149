using System.Globalization;
using Analytics.Core.Metrics;

namespace Analytics.Web.Components.Reports;

/// <summary>Report times as people read them: in the tenant's zone, to the minute.</summary>
public static class ReportTime
{
    public static string Local(DateTime? utc, string zone)
    {
        if (utc is not { } at) return "—";
        var local = TimeBuckets.ToLocal(at, TimeZoneInfo.FindSystemTimeZoneById(zone));
        return local.ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    public static string Size(long? bytes) => bytes switch
    {
        null => "—",
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MB"),
    };

    public static string Duration(long? milliseconds) => milliseconds switch
    {
        null => "—",
        < 1000 => $"{milliseconds} ms",
        _ => string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 1000.0:0.#} s"),
    };
}
