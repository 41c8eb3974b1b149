namespace Analytics.Core.Errors;

/// <summary>A refusal the caller can act on; the web layer turns it into a ProblemDetails answer.</summary>
public abstract class AnalyticsException(string message) : Exception(message)
{
    public abstract AnalyticsErrorKind Kind { get; }
}
