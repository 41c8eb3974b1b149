using Analytics.Core.Customers;

namespace Analytics.Web.Api.Customers;

/// <summary>A page of profiles: <c>data</c>, <c>total</c> matching, and <c>next_cursor</c> (null on the last page).</summary>
public sealed record CustomerListResponse(IReadOnlyList<CustomerView> Data, long Total, string? NextCursor)
{
    public static CustomerListResponse From(CustomerPage page) => new(page.Items, page.Total, page.NextCursor);
}
