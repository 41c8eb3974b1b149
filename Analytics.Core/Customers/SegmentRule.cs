namespace Analytics.Core.Customers;

/// <summary>A node of a segment's rules: a group of nodes or one condition.</summary>
public abstract record SegmentRule;
