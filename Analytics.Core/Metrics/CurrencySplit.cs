namespace Analytics.Core.Metrics;

/// <summary>
/// How rollups keep amounts apart by currency. An event with a <c>currency</c> dimension is rolled up, besides its
/// usual rows, once per other dimension under a split key (<c>product+currency</c>) whose value names the currency
/// first (<c>eur␟Widget</c>), so an amount converts exactly when it is broken down or filtered by one dimension.
/// </summary>
public static class CurrencySplit
{
    /// <summary>The dimension that names an amount's currency.</summary>
    public const string Dimension = "currency";

    /// <summary>Between the currency and the dimension value in a split row's value; ingest refuses it in a currency.</summary>
    public const char Separator = '\u001f';

    /// <summary>The split key of a dimension; a '+' never occurs in a dimension key, so it names no real dimension.</summary>
    public static string KeyOf(string dimension) => $"{dimension}+{Dimension}";

    public static bool IsSplitKey(string key) => key.Contains('+');

    public static string ValueOf(string currency, string value) => $"{currency}{Separator}{value}";

    /// <summary>The currency and the dimension value of a split row's value.</summary>
    public static (string Currency, string Value) Parse(string splitValue)
    {
        var at = splitValue.IndexOf(Separator);
        return at < 0 ? (splitValue, "") : (splitValue[..at], splitValue[(at + 1)..]);
    }
}
