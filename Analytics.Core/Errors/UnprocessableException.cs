namespace Analytics.Core.Errors;

public sealed class UnprocessableException(string message) : AnalyticsException(message)
{
    public override AnalyticsErrorKind Kind => AnalyticsErrorKind.Unprocessable;
}
