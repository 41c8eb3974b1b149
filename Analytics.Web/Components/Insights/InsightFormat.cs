using System.Globalization;

namespace Analytics.Web.Components.Insights;

/// <summary>How KPI figures read on the page: money with its code, percentages, counts, or a dash when there is none.</summary>
public static class InsightFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>An amount as every surface writes it (<see cref="Analytics.Core.Metrics.FigureFormat"/>): "$4.83M".</summary>
    public static string Money(decimal? amount, string currency) =>
        amount is { } a ? Analytics.Core.Metrics.FigureFormat.Money(currency).Compact((double)a) : "–";

    public static string Percent(double? ratio) => ratio is { } r ? r.ToString("0.0%", Culture) : "–";

    public static string Change(double? ratio) =>
        ratio is { } r ? (r >= 0 ? "+" : "−") + Math.Abs(r).ToString("0.0%", Culture) + " vs previous period" : "no previous period";

    public static string Number(double? value, string format = "#,0.##") => value is { } v ? v.ToString(format, Culture) : "–";
}
