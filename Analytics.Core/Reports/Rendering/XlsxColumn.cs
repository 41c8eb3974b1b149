namespace Analytics.Core.Reports.Rendering;

public sealed record XlsxColumn(string Header, XlsxColumnKind Kind)
{
    /// <summary>The number format of the column's cells, or null for text.</summary>
    public string? NumberFormat => Kind switch
    {
        XlsxColumnKind.Number => "#,##0.00",
        XlsxColumnKind.Integer => "#,##0",
        XlsxColumnKind.Date => "yyyy-mm-dd",
        XlsxColumnKind.DateTime => "yyyy-mm-dd hh:mm",
        XlsxColumnKind.Percent => "0.0%",
        _ => null,
    };
}
