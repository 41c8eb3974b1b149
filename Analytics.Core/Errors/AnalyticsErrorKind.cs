namespace Analytics.Core.Errors;

public enum AnalyticsErrorKind
{
    /// <summary>Malformed input: 400.</summary>
    Invalid,
    /// <summary>The caller may see the object but not change it: 403.</summary>
    Forbidden,
    /// <summary>Unknown, or another tenant's: 404.</summary>
    NotFound,
    /// <summary>Over a size limit: 413.</summary>
    TooLarge,
    /// <summary>Well-formed but refused on meaning, such as from after to: 422.</summary>
    Unprocessable,
}
