namespace Analytics.Core.Customers;

/// <summary>An event of one customer as the figures see it: what, where from, how much, when, in which currency.</summary>
public readonly record struct CustomerEvent(string Name, string Module, double Value, DateTime TimestampUtc, string? Currency);
