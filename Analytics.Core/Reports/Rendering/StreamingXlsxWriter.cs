using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Core.Reports.Rendering;

/// <summary>
/// Writes sheets with Open XML's forward-only <see cref="OpenXmlWriter"/>: rows go to the package as they are read,
/// with inline strings (no shared-string table), so memory does not grow with the row count. Column widths come from
/// the header and the first rows, since they must be written before the rows.
/// </summary>
internal static class StreamingXlsxWriter
{
    private const int WidthSample = 1_000;

    // Cell formats of the stylesheet below, by index.
    private const uint TextStyle = 0, HeaderStyle = 1, NumberStyle = 2, IntegerStyle = 3, DateStyle = 4, DateTimeStyle = 5, PercentStyle = 6;

    /// <summary>Writes the workbook to <paramref name="output"/>, which must be seekable (a zip package is written).</summary>
    public static void Write(IReadOnlyList<XlsxSheet> sheets, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = Stylesheet();
        stylesPart.Stylesheet.Save();

        var entries = new List<Sheet>();
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            WriteSheet(part, sheet);
            entries.Add(new Sheet { Name = sheet.Name, SheetId = id++, Id = workbookPart.GetIdOfPart(part) });
        }
        workbookPart.Workbook = new Workbook(new Sheets(entries));
        workbookPart.Workbook.Save();
    }

    private static void WriteSheet(WorksheetPart part, XlsxSheet sheet)
    {
        using var rows = sheet.Rows.GetEnumerator();
        var sample = new List<IReadOnlyList<object?>>();
        while (sample.Count < WidthSample && rows.MoveNext()) sample.Add(rows.Current);
        var widths = sheet.Widths(sample);
        var styles = sheet.Columns.Select(c => StyleOf(c.Kind)).ToArray();

        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0 }));
        var columns = new Columns();
        for (var c = 0; c < widths.Length; c++)
            columns.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = widths[c], CustomWidth = true });
        writer.WriteElement(columns);

        writer.WriteStartElement(new SheetData());
        writer.WriteStartElement(RowElement);
        foreach (var column in sheet.Columns) WriteText(writer, column.Header, HeaderStyle);
        writer.WriteEndElement();
        foreach (var row in sample) WriteRow(writer, row, styles);
        while (rows.MoveNext()) WriteRow(writer, rows.Current, styles);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    // Elements are written by name with attributes and text, never as objects with children: no object per cell.
    private static readonly Row RowElement = new();
    private static readonly Cell CellElement = new();
    private static readonly CellValue ValueElement = new();
    private static readonly InlineString InlineElement = new();
    private static readonly Text TextElement = new();
    private static readonly string[] StyleNames = Enumerable.Range(0, 8).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    private static void WriteRow(OpenXmlWriter writer, IReadOnlyList<object?> row, uint[] styles)
    {
        writer.WriteStartElement(RowElement);
        Span<char> number = stackalloc char[32];
        for (var c = 0; c < styles.Length && c < row.Count; c++)
        {
            switch (row[c])
            {
                case null:
                case double d when !double.IsFinite(d):
                    writer.WriteStartElement(CellElement, [new OpenXmlAttribute("s", "", StyleNames[styles[c]])]);
                    writer.WriteEndElement();
                    break;
                case string s:
                    WriteText(writer, s, TextStyle);
                    break;
                case DateTime t:
                    WriteNumber(writer, t.ToOADate(), styles[c], number);
                    break;
                case double d:
                    WriteNumber(writer, d, styles[c], number);
                    break;
                case long l:
                    WriteNumber(writer, l, styles[c], number);
                    break;
                case int i:
                    WriteNumber(writer, i, styles[c], number);
                    break;
                case var other:
                    WriteText(writer, Convert.ToString(other, CultureInfo.InvariantCulture) ?? "", TextStyle);
                    break;
            }
        }
        writer.WriteEndElement();
    }

    private static void WriteNumber(OpenXmlWriter writer, double value, uint style, Span<char> buffer)
    {
        writer.WriteStartElement(CellElement, [new OpenXmlAttribute("s", "", StyleNames[style])]);
        writer.WriteStartElement(ValueElement);
        writer.WriteString(value.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture)
            ? new string(buffer[..written]) : value.ToString("R", CultureInfo.InvariantCulture));
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteText(OpenXmlWriter writer, string text, uint style)
    {
        writer.WriteStartElement(CellElement, [new OpenXmlAttribute("t", "", "inlineStr"), new OpenXmlAttribute("s", "", StyleNames[style])]);
        writer.WriteStartElement(InlineElement);
        writer.WriteStartElement(TextElement, [new OpenXmlAttribute("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")]);
        writer.WriteString(text);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static uint StyleOf(XlsxColumnKind kind) => kind switch
    {
        XlsxColumnKind.Number => NumberStyle,
        XlsxColumnKind.Integer => IntegerStyle,
        XlsxColumnKind.Date => DateStyle,
        XlsxColumnKind.DateTime => DateTimeStyle,
        XlsxColumnKind.Percent => PercentStyle,
        _ => TextStyle,
    };

    private static Stylesheet Stylesheet()
    {
        static NumberingFormat Format(uint id, string code) => new() { NumberFormatId = id, FormatCode = code };
        static CellFormat Cell(uint numberFormat, uint font = 0, uint fill = 0, uint border = 0) => new()
        {
            NumberFormatId = numberFormat, FontId = font, FillId = fill, BorderId = border,
            ApplyNumberFormat = numberFormat != 0, ApplyFont = font != 0, ApplyFill = fill != 0, ApplyBorder = border != 0,
        };
        var fill = XlsxStyle.HeaderFill.TrimStart('#');
        return new Stylesheet(
            new NumberingFormats(Format(164, "#,##0.00"), Format(165, "yyyy-mm-dd"), Format(166, "yyyy-mm-dd hh:mm"), Format(167, "0.0%"), Format(168, "#,##0")) { Count = 5 },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FF" + fill }) { PatternType = PatternValues.Solid })) { Count = 3 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder())) { Count = 2 },
            new CellFormats(
                Cell(0),
                Cell(0, font: 1, fill: 2, border: 1),
                Cell(164),
                Cell(168),
                Cell(165),
                Cell(166),
                Cell(167)) { Count = 7 });
    }
}
