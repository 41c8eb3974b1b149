namespace Analytics.Core.Customers;

/// <summary>One event on a customer's timeline.</summary>
public sealed record TimelineEntry(long Id, string Name, string Module, double Value, DateTime Timestamp, IReadOnlyDictionary<string, string> Dimensions);
