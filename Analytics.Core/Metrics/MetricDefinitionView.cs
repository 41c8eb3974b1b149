namespace Analytics.Core.Metrics;

/// <summary>A metric's definition as the tenant uses it, and where it comes from: <c>convention</c>, <c>inferred</c> (a metric the conventions do not name) or <c>edited</c>.</summary>
public sealed record MetricDefinitionView(MetricDefinition Definition, string Source, DateTime? UpdatedAt)
{
    public const string Convention = "convention";
    public const string Inferred = "inferred";
    public const string Edited = "edited";
}
