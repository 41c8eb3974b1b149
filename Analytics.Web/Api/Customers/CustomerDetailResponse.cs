using Analytics.Core.Customers;

namespace Analytics.Web.Api.Customers;

/// <summary>A profile's wire fields, plus the tenant currency its LTV is in and its revenue of the last 12 months.</summary>
public sealed record CustomerDetailResponse(
    long Id,
    string ExternalId,
    string? Name,
    string? Email,
    string? Country,
    IReadOnlyDictionary<string, string> Attributes,
    DateTime FirstSeen,
    DateTime LastSeen,
    decimal Ltv,
    int OrderCount,
    int EngagementScore,
    IReadOnlyList<string> Segments,
    string Currency,
    IReadOnlyList<MonthlyRevenueResponse> RevenueByMonth)
{
    public static CustomerDetailResponse From(CustomerDetail d)
    {
        var p = d.Profile;
        return new(p.Id, p.ExternalId, p.Name, p.Email, p.Country, p.Attributes, p.FirstSeen, p.LastSeen, p.Ltv, p.OrderCount, p.EngagementScore,
            p.Segments, d.Currency, d.RevenueByMonth.Select(m => new MonthlyRevenueResponse(m.Month, m.Value)).ToList());
    }
}
