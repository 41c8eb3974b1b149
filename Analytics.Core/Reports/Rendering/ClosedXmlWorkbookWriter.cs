using ClosedXML.Excel;

namespace Analytics.Core.Reports.Rendering;

/// <summary>Writes sheets through ClosedXML: the whole workbook lives in memory, so it serves small reports only.</summary>
internal static class ClosedXmlWorkbookWriter
{
    public static void Write(IReadOnlyList<XlsxSheet> sheets, Stream output)
    {
        using var workbook = new XLWorkbook();
        foreach (var sheet in sheets)
        {
            var rows = sheet.Rows.ToList();
            var ws = workbook.Worksheets.Add(sheet.Name);
            for (var c = 0; c < sheet.Columns.Count; c++) ws.Cell(1, c + 1).SetValue(sheet.Columns[c].Header);
            var header = ws.Range(1, 1, 1, sheet.Columns.Count);
            header.Style.Font.Bold = true;
            header.Style.Fill.BackgroundColor = XLColor.FromHtml(XlsxStyle.HeaderFill);
            header.Style.Border.BottomBorder = XLBorderStyleValues.Thin;

            for (var r = 0; r < rows.Count; r++)
            {
                var row = rows[r];
                for (var c = 0; c < sheet.Columns.Count && c < row.Count; c++)
                {
                    var cell = ws.Cell(r + 2, c + 1);
                    switch (row[c])
                    {
                        case null:
                            break;
                        case string s:
                            cell.SetValue(s);
                            break;
                        case DateTime t:
                            cell.SetValue(t);
                            break;
                        case double d when double.IsFinite(d):
                            cell.SetValue(d);
                            break;
                        case long l:
                            cell.SetValue(l);
                            break;
                        case int i:
                            cell.SetValue(i);
                            break;
                        case double:
                            break;
                        case var other:
                            cell.SetValue(other.ToString());
                            break;
                    }
                }
            }

            var widths = sheet.Widths(rows);
            for (var c = 0; c < sheet.Columns.Count; c++)
            {
                var column = ws.Column(c + 1);
                column.Width = widths[c];
                if (sheet.Columns[c].NumberFormat is { } format && rows.Count > 0)
                    ws.Range(2, c + 1, rows.Count + 1, c + 1).Style.NumberFormat.Format = format;
            }
            ws.SheetView.FreezeRows(1);
        }
        workbook.SaveAs(output);
    }
}
