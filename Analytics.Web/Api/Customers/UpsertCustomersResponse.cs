using Analytics.Core.Customers;

namespace Analytics.Web.Api.Customers;

/// <summary>The profiles of an array upsert, in the order sent.</summary>
public sealed record UpsertCustomersResponse(IReadOnlyList<CustomerView> Data);
