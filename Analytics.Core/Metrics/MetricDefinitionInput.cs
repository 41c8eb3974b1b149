namespace Analytics.Core.Metrics;

/// <summary>
/// A metric definition as <c>PUT /api/{tenant}/metrics/definitions/{name}</c> and the definitions page send it: kind
/// (counter, gauge, ratio), unit, default aggregate, whether a rise is good, whether parts add up, display decimals,
/// module and description. Every field is required but the unit, decimals and module.
/// </summary>
public sealed record MetricDefinitionInput(
    string? Kind = null,
    string? Unit = null,
    string? Aggregate = null,
    bool? HigherIsBetter = null,
    bool? PartsAdd = null,
    int? Decimals = null,
    string? Module = null,
    string? Description = null);
