namespace Analytics.Core.Tenancy;

/// <summary>A new key with its secret: the only time the secret exists outside its holder.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Secret);
