namespace Analytics.Core.Customers;

/// <summary>Revenue minus refunds of one month (<c>2026-03</c>) in the tenant currency.</summary>
public sealed record MonthlyRevenue(string Month, DateTime StartUtc, decimal Value);
