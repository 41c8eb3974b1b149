using Analytics.Core.Customers;

namespace Analytics.Web.Api.Customers;

/// <summary>A page of a customer's events, newest first, and the cursor of the next (older) page.</summary>
public sealed record TimelineResponse(IReadOnlyList<TimelineEntry> Data, string? NextCursor);
