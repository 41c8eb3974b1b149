namespace Analytics.Web.Components.Pages.Customers;

/// <summary>One condition in the rule builder, as the user types it.</summary>
public sealed class SegmentRuleRow
{
    public string Field { get; set; } = "ltv";
    /// <summary>The field written out when <see cref="Field"/> is "other": an attributes.KEY or AGG(metric, Nd).</summary>
    public string Expression { get; set; } = "";
    public string Op { get; set; } = "gte";
    public string Value { get; set; } = "";
    public string? Error { get; set; }

    public string EffectiveField => Field == "other" ? Expression.Trim() : Field;
}
