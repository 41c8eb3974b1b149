namespace Analytics.Core.Customers;

/// <summary>One page of profiles, how many match in all, and the cursor of the next page (null on the last).</summary>
public sealed record CustomerPage(IReadOnlyList<CustomerView> Items, long Total, string? NextCursor);
