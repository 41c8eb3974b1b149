namespace Analytics.Core.Errors;

/// <summary>Input that breaks a rule; <see cref="Errors"/> names each bad field.</summary>
public sealed class InvalidInputException(IReadOnlyDictionary<string, string[]> errors, string message = "The request has invalid fields.")
    : AnalyticsException(message)
{
    public InvalidInputException(string field, string error) : this(new Dictionary<string, string[]> { [field] = [error] }) { }

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public override AnalyticsErrorKind Kind => AnalyticsErrorKind.Invalid;
}
