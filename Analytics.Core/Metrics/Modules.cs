namespace Analytics.Core.Metrics;

/// <summary>The product modules an event can come from.</summary>
public static class Modules
{
    public static readonly IReadOnlyList<string> All =
        ["fulfillment", "rewards", "campaign", "support", "mes", "catalog", "inventory", "sales", "hr"];

    public static bool IsKnown(string module) => All.Contains(module);
}
