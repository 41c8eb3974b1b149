namespace Analytics.Core.Errors;

public sealed class TooLargeException(string message) : AnalyticsException(message)
{
    public override AnalyticsErrorKind Kind => AnalyticsErrorKind.TooLarge;
}
