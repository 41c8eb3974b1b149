namespace Analytics.Core.Errors;

public sealed class NotFoundException(string message) : AnalyticsException(message)
{
    public override AnalyticsErrorKind Kind => AnalyticsErrorKind.NotFound;
}
