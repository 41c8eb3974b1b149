namespace Analytics.Core.Tenancy;

public enum ApiKeyScope
{
    Read,
    Write,
}
