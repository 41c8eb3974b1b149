namespace Analytics.Web.Api.Customers;

public sealed record MonthlyRevenueResponse(string Month, decimal Value);
