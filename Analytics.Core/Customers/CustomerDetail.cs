namespace Analytics.Core.Customers;

/// <summary>A profile with its revenue per tenant-local month (the last 12, oldest first) and the tenant currency.</summary>
public sealed record CustomerDetail(CustomerView Profile, IReadOnlyList<MonthlyRevenue> RevenueByMonth, string Currency);
