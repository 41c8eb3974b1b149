namespace Analytics.Core.Customers;

/// <summary>A profile as callers see it: its figures and the segments it is in now.</summary>
public sealed record CustomerView(
    long Id,
    string ExternalId,
    string? Name,
    string? Email,
    string? Country,
    IReadOnlyDictionary<string, string> Attributes,
    DateTime FirstSeen,
    DateTime LastSeen,
    decimal Ltv,
    int OrderCount,
    int EngagementScore,
    IReadOnlyList<string> Segments);
