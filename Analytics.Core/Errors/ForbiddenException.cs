namespace Analytics.Core.Errors;

public sealed class ForbiddenException(string message) : AnalyticsException(message)
{
    public override AnalyticsErrorKind Kind => AnalyticsErrorKind.Forbidden;
}
