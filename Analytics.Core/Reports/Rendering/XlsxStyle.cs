namespace Analytics.Core.Reports.Rendering;

/// <summary>The look both workbook writers share.</summary>
internal static class XlsxStyle
{
    /// <summary>The header row's fill, a light grey that prints well.</summary>
    public const string HeaderFill = "#E8EAF0";
}
