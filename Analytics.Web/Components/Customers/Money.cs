using System.Globalization;

namespace Analytics.Web.Components.Customers;

/// <summary>Amounts in the tenant currency as people read them: "12,480 USD".</summary>
public static class Money
{
    public static string Format(decimal amount, string currency, bool cents = false) =>
        $"{amount.ToString(cents ? "N2" : "N0", CultureInfo.InvariantCulture)} {currency.ToUpperInvariant()}";
}
