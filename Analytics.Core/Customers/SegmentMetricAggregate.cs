namespace Analytics.Core.Customers;

/// <summary>A metric aggregate over a customer's recent activity, as in <c>sum(order_value, 90d)</c>.</summary>
public sealed record SegmentMetricAggregate(string Agg, string Metric, int WindowDays);
