using Analytics.Core.Metrics;

namespace Analytics.Web.Components.Customers;

/// <summary>Amounts in the tenant currency as every surface writes them (<see cref="FigureFormat"/>): "$12,480", or with cents "$12,480.50".</summary>
public static class Money
{
    public static string Format(decimal amount, string currency, bool cents = false)
    {
        var format = FigureFormat.Money(currency);
        return (cents ? format : format with { Decimals = 0 }).Full((double)amount);
    }
}
