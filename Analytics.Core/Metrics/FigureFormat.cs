using System.Globalization;

namespace Analytics.Core.Metrics;

/// <summary>
/// How the figures of one unit read, the one rule every surface follows: browser charts (through
/// <see cref="ForChart"/>, which <c>charts.js</c> applies the same way), KPI cards, tables and PDFs. An amount carries
/// its currency's symbol (<c>$4.83M</c>), a duration its unit (<c>78.6 h</c>), a ratio is a percentage (<c>12.4 %</c>);
/// a count of events is a plain number whatever the metric's unit.
/// </summary>
/// <param name="Decimals">How many decimals a figure shows in full: always that many when <paramref name="FixedDecimals"/>, else at most.</param>
public sealed record FigureFormat(string Prefix, string Suffix, double Scale, int Decimals, bool FixedDecimals = false)
{
    /// <summary>A number without a unit: at most two decimals.</summary>
    public static readonly FigureFormat Plain = new("", "", 1, 2);

    /// <summary>A ratio of 0–1 as a percentage with one decimal.</summary>
    public static readonly FigureFormat Percent = new("", " %", 100, 1, true);

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["usd"] = "$", ["eur"] = "€", ["gbp"] = "£", ["jpy"] = "¥", ["inr"] = "₹",
    };

    /// <summary>Amounts in <paramref name="currency"/>: its symbol, or its code (<c>CHF 12.5k</c>), and cents in full figures.</summary>
    public static FigureFormat Money(string currency) =>
        new(Symbols.TryGetValue(currency, out var symbol) ? symbol : currency.ToUpperInvariant() + " ", "", 1, 2, true);

    /// <summary>The figures of a metric by an aggregate, amounts in <paramref name="currency"/>; the definition's decimals, if it sets them.</summary>
    public static FigureFormat Of(MetricDefinition definition, MetricAggregate agg, string? currency)
    {
        if (agg == MetricAggregate.Count) return Plain;
        var format = definition.Unit switch
        {
            MetricDefinition.CurrencyUnit when currency is not null => Money(currency),
            "percent" => Percent,
            null or "" or "count" or "score" or MetricDefinition.CurrencyUnit => Plain,
            var unit => new FigureFormat("", " " + unit, 1, 2),
        };
        return definition.Decimals is { } decimals ? format with { Decimals = decimals, FixedDecimals = true } : format;
    }

    /// <summary>The unit as a column header or axis title says it: <c>USD</c>, <c>h</c>, <c>%</c>; empty for a plain number.</summary>
    public string UnitName => Suffix.Trim() is { Length: > 0 } suffix ? suffix : Prefix.Trim() switch
    {
        "" => "",
        var p when Symbols.FirstOrDefault(s => s.Value == p).Key is { } code => code.ToUpperInvariant(),
        var p => p,
    };

    /// <summary>A short figure for cards and axes: <c>$4.83M</c>, <c>12.5k h</c>, <c>1,234</c>, <c>78.6 %</c>; "—" for none.</summary>
    public string Compact(double? value)
    {
        if (value is not { } raw || !double.IsFinite(raw)) return "—";
        var v = raw * Scale;
        var a = Math.Abs(v);
        var digits = a switch
        {
            >= 1e9 => (a / 1e9).ToString("0.##", Invariant) + "B",
            >= 1e6 => (a / 1e6).ToString("0.##", Invariant) + "M",
            >= 1e4 => (a / 1e3).ToString("0.#", Invariant) + "k",
            >= 100 => a.ToString("#,0", Invariant),
            _ => a.ToString(Decimals == 0 ? "0" : "0." + new string('#', Decimals), Invariant),
        };
        return Signed(v, digits);
    }

    /// <summary>A figure in full for tables and exports' readers: <c>$4,830,112.40</c>, <c>78.6 %</c>, <c>1,234.5 h</c>.</summary>
    public string Full(double? value)
    {
        if (value is not { } raw || !double.IsFinite(raw)) return "—";
        var v = raw * Scale;
        var pattern = Decimals == 0 ? "#,0" : "#,0." + new string(FixedDecimals ? '0' : '#', Decimals);
        return Signed(v, Math.Abs(v).ToString(pattern, Invariant));
    }

    /// <summary>What <c>charts.js</c> needs to format values by this rule.</summary>
    public object ForChart => new { prefix = Prefix, suffix = Suffix, scale = Scale, decimals = Decimals, fixedDecimals = FixedDecimals };

    private string Signed(double v, string digits) => (v < 0 && digits.Any(c => c is >= '1' and <= '9') ? "−" : "") + Prefix + digits + Suffix;
}
