namespace Analytics.Core.Customers;

/// <summary>
/// Which profiles to list: a search in name, email and external id; a segment (name or id), a country and an LTV range;
/// a sort field (<c>id</c>, <c>name</c>, <c>ltv</c>, <c>order_count</c>, <c>engagement_score</c>, <c>first_seen</c>,
/// <c>last_seen</c>; a leading <c>-</c> sorts descending); then either a cursor from the previous page or an offset.
/// </summary>
public sealed record CustomerListQuery(
    string? Search = null,
    string? Segment = null,
    string? Country = null,
    decimal? MinLtv = null,
    decimal? MaxLtv = null,
    string? Sort = null,
    int Limit = 50,
    string? Cursor = null,
    int? Offset = null);
