namespace Analytics.Core.Customers;

/// <summary>The four segments every tenant starts with; their rules are editable defaults.</summary>
public static class BuiltInSegments
{
    public const string HighValue = "high-value";
    public const string AtRisk = "at-risk";
    public const string New = "new";
    public const string Dormant = "dormant";

    public static readonly IReadOnlyList<(string Name, string Description, string Rules)> All =
    [
        (HighValue, "Lifetime value of 50 000 or more in the tenant currency.",
            """{"all":[{"field":"ltv","op":"gte","value":50000}]}"""),
        (AtRisk, "Regular buyers (3 or more orders) not seen for 30 days, but seen within 90.",
            """{"all":[{"field":"order_count","op":"gte","value":3},{"field":"last_seen","op":"lt","value":"30d"},{"field":"last_seen","op":"within","value":"90d"}]}"""),
        (New, "First seen within the last 30 days.",
            """{"all":[{"field":"first_seen","op":"within","value":"30d"}]}"""),
        (Dormant, "Not seen for 90 days or more.",
            """{"all":[{"field":"last_seen","op":"lt","value":"90d"}]}"""),
    ];
}
