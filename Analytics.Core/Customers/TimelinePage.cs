namespace Analytics.Core.Customers;

/// <summary>A page of a timeline, newest first, and the cursor of the next (older) page; null when there is none.</summary>
public sealed record TimelinePage(IReadOnlyList<TimelineEntry> Items, string? NextCursor);
