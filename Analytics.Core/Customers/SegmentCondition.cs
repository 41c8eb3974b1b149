namespace Analytics.Core.Customers;

/// <summary>
/// <c>{"field": …, "op": …, "value": …}</c>, already checked: <see cref="Field"/> is a profile field, an
/// <c>attributes.KEY</c>, or a metric aggregate <c>AGG(metric, Nd)</c> split into <see cref="Metric"/>.
/// </summary>
public sealed record SegmentCondition(string Field, string Op, object Value, SegmentMetricAggregate? Metric = null) : SegmentRule;
