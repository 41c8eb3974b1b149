using Analytics.Core.Metrics;

namespace Analytics.Web.Api.Metrics;

/// <summary>
/// One metric's definition on the wire: kind, unit, default aggregate, whether a rise is good, whether parts add up,
/// display decimals, module and description; <c>source</c> says whether it is the convention, inferred or edited.
/// </summary>
public sealed record MetricDefinitionResponse(
    string Name,
    MetricKind Kind,
    string? Unit,
    MetricAggregate Aggregate,
    bool HigherIsBetter,
    bool PartsAdd,
    int? Decimals,
    string? Module,
    string Description,
    string Source,
    DateTime? UpdatedAt)
{
    public static MetricDefinitionResponse From(MetricDefinitionView view)
    {
        var d = view.Definition;
        return new(d.Name, d.Kind, d.Unit, d.Aggregate, d.HigherIsBetter, d.PartsAdd, d.Decimals, d.Module, d.Description, view.Source, view.UpdatedAt);
    }
}
