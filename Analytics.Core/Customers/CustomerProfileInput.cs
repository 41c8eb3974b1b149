namespace Analytics.Core.Customers;

/// <summary>A profile as another system sends it; upserted by <see cref="ExternalId"/>.</summary>
public sealed record CustomerProfileInput(
    string? ExternalId,
    string? Name = null,
    string? Email = null,
    string? Country = null,
    IReadOnlyDictionary<string, string>? Attributes = null,
    DateTimeOffset? FirstSeen = null,
    DateTimeOffset? LastSeen = null);
