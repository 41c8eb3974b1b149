namespace Analytics.Core.Reports.Rendering;

/// <summary>How a workbook column stores and formats its cells.</summary>
public enum XlsxColumnKind
{
    Text,
    /// <summary>A decimal figure, <c>#,##0.00</c>.</summary>
    Number,
    /// <summary>A count, <c>#,##0</c>.</summary>
    Integer,
    /// <summary>A day, <c>yyyy-mm-dd</c>.</summary>
    Date,
    /// <summary>A day and time, <c>yyyy-mm-dd hh:mm</c>.</summary>
    DateTime,
    /// <summary>A ratio shown as a percentage, <c>0.0%</c>.</summary>
    Percent,
}
