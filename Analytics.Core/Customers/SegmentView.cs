namespace Analytics.Core.Customers;

/// <summary>A segment with its current member count; <see cref="Rules"/> is the canonical JSON of its rules.</summary>
public sealed record SegmentView(
    long Id,
    string Name,
    string? Description,
    string Rules,
    bool BuiltIn,
    long MemberCount,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime EvaluatedAt);
