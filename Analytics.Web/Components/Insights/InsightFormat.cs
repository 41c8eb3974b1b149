using System.Globalization;

namespace Analytics.Web.Components.Insights;

/// <summary>How KPI figures read on the page: money with its code, percentages, counts, or a dash when there is none.</summary>
public static class InsightFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>An amount with its code; millions and hundreds of thousands are shortened so a card stays one line.</summary>
    public static string Money(decimal? amount, string currency) =>
        amount is { } a ? $"{Short(a)} {currency.ToUpperInvariant()}" : "–";

    private static string Short(decimal a) => Math.Abs(a) switch
    {
        >= 1_000_000_000m => (a / 1_000_000_000m).ToString("0.##", Culture) + "B",
        >= 1_000_000m => (a / 1_000_000m).ToString("0.##", Culture) + "M",
        >= 100_000m => (a / 1_000m).ToString("0.#", Culture) + "K",
        >= 10_000m => a.ToString("#,0", Culture),
        _ => a.ToString("#,0.##", Culture),
    };

    public static string Percent(double? ratio) => ratio is { } r ? r.ToString("0.0%", Culture) : "–";

    public static string Change(double? ratio) =>
        ratio is { } r ? (r >= 0 ? "+" : "−") + Math.Abs(r).ToString("0.0%", Culture) + " vs previous period" : "no previous period";

    public static string Number(double? value, string format = "#,0.##") => value is { } v ? v.ToString(format, Culture) : "–";
}
