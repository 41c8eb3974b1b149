namespace Analytics.Core.Customers;

/// <summary><c>{"all": [...]}</c> (every rule holds) or <c>{"any": [...]}</c> (at least one holds).</summary>
public sealed record SegmentRuleGroup(bool All, IReadOnlyList<SegmentRule> Rules) : SegmentRule;
