using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Analytics.Core.Reports.Rendering;

/// <summary>
/// Writes a workbook as a true stream: the SpreadsheetML parts go with <see cref="XmlWriter"/> into a
/// <see cref="ZipArchive"/> created over an <see cref="OutputSpool"/>, which is drained to the output every few tens of
/// kilobytes. Rows are written as they are read, with inline strings (no shared-string table), so memory does not grow
/// with the row count and nothing of the file is kept. Column widths come from the header and the first rows, since
/// they are written before the rows.
/// </summary>
internal static class StreamingXlsxWriter
{
    /// <summary>Rows a sheet can hold under its header (Excel's limit is 1 048 576 rows in all).</summary>
    public const int MaxRows = 1_048_575;

    private const int WidthSample = 1_000;
    private const int DrainAt = 32 * 1024;
    private const int MaxCellText = 32_767;

    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationshipNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypesNs = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string ContentTypePrefix = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

    // Cell formats in styles.xml, by index: 0 plain text, 1 the header, then one per column kind with a number format.
    private const int HeaderStyle = 1;
    private static readonly XlsxColumnKind[] FormattedKinds =
        [XlsxColumnKind.Number, XlsxColumnKind.Integer, XlsxColumnKind.Date, XlsxColumnKind.DateTime, XlsxColumnKind.Percent];

    // Zip entries carry a fixed time, so the same workbook gives the same bytes.
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly XmlWriterSettings XmlSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        // Text is made XML-safe by Clean before it is written; checking it again per character only costs time.
        CheckCharacters = false,
        CloseOutput = false,
    };

    public static async Task WriteAsync(IReadOnlyList<XlsxSheet> sheets, Stream output, CancellationToken ct)
    {
        if (sheets.Count == 0) throw new ArgumentException("A workbook needs at least one sheet.", nameof(sheets));
        await using var spool = new OutputSpool();
        using (var archive = new ZipArchive(spool, ZipArchiveMode.Create, leaveOpen: true))
        {
            WritePart(archive, "[Content_Types].xml", xml => ContentTypes(xml, sheets.Count));
            WritePart(archive, "_rels/.rels", PackageRelationships);
            WritePart(archive, "xl/workbook.xml", xml => Workbook(xml, sheets));
            WritePart(archive, "xl/_rels/workbook.xml.rels", xml => WorkbookRelationships(xml, sheets.Count));
            WritePart(archive, "xl/styles.xml", Styles);
            for (var i = 0; i < sheets.Count; i++)
            {
                var entry = archive.CreateEntry($"xl/worksheets/sheet{i + 1}.xml", CompressionLevel.Fastest);
                entry.LastWriteTime = EntryTime;
                // Synchronous disposal: both write into the spool, never to the output.
                using var stream = entry.Open();
                using var xml = XmlWriter.Create(stream, XmlSettings);
                await WorksheetAsync(xml, sheets[i], spool, output, ct);
            }
        }
        await spool.DrainAsync(output, ct);
    }

    private static void WritePart(ZipArchive archive, string name, Action<XmlWriter> write)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        using var xml = XmlWriter.Create(stream, XmlSettings);
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static void ContentTypes(XmlWriter xml, int sheetCount)
    {
        xml.WriteStartElement("Types", ContentTypesNs);
        Default(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(xml, "xml", "application/xml");
        Override(xml, "/xl/workbook.xml", ContentTypePrefix + "sheet.main+xml");
        Override(xml, "/xl/styles.xml", ContentTypePrefix + "styles+xml");
        for (var i = 1; i <= sheetCount; i++) Override(xml, $"/xl/worksheets/sheet{i}.xml", ContentTypePrefix + "worksheet+xml");
        xml.WriteEndElement();

        static void Default(XmlWriter xml, string extension, string type)
        {
            xml.WriteStartElement("Default", ContentTypesNs);
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }

        static void Override(XmlWriter xml, string part, string type)
        {
            xml.WriteStartElement("Override", ContentTypesNs);
            xml.WriteAttributeString("PartName", part);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }
    }

    private static void PackageRelationships(XmlWriter xml)
    {
        xml.WriteStartElement("Relationships", PackageRelationshipNs);
        Relationship(xml, "rId1", RelationshipNs + "/officeDocument", "xl/workbook.xml");
        xml.WriteEndElement();
    }

    private static void Workbook(XmlWriter xml, IReadOnlyList<XlsxSheet> sheets)
    {
        xml.WriteStartElement("workbook", MainNs);
        xml.WriteAttributeString("xmlns", "r", null, RelationshipNs);
        xml.WriteStartElement("sheets", MainNs);
        for (var i = 0; i < sheets.Count; i++)
        {
            xml.WriteStartElement("sheet", MainNs);
            xml.WriteAttributeString("name", Clean(sheets[i].Name));
            xml.WriteAttributeString("sheetId", (i + 1).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("id", RelationshipNs, $"rId{i + 1}");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WorkbookRelationships(XmlWriter xml, int sheetCount)
    {
        xml.WriteStartElement("Relationships", PackageRelationshipNs);
        for (var i = 1; i <= sheetCount; i++) Relationship(xml, $"rId{i}", RelationshipNs + "/worksheet", $"worksheets/sheet{i}.xml");
        Relationship(xml, $"rId{sheetCount + 1}", RelationshipNs + "/styles", "styles.xml");
        xml.WriteEndElement();
    }

    private static void Relationship(XmlWriter xml, string id, string type, string target)
    {
        xml.WriteStartElement("Relationship", PackageRelationshipNs);
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", type);
        xml.WriteAttributeString("Target", target);
        xml.WriteEndElement();
    }

    /// <summary>The look of <see cref="ClosedXmlWorkbookWriter"/>'s workbooks: a bold header on a light fill over a thin
    /// line, and each column kind's number format.</summary>
    private static void Styles(XmlWriter xml)
    {
        xml.WriteStartElement("styleSheet", MainNs);
        xml.WriteStartElement("numFmts", MainNs);
        xml.WriteAttributeString("count", FormattedKinds.Length.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < FormattedKinds.Length; i++)
        {
            xml.WriteStartElement("numFmt", MainNs);
            xml.WriteAttributeString("numFmtId", (164 + i).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("formatCode", new XlsxColumn("", FormattedKinds[i]).NumberFormat);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteRaw("""<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>""");
        xml.WriteRaw($"""<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FF{XlsxStyle.HeaderFill.TrimStart('#')}"/><bgColor indexed="64"/></patternFill></fill></fills>""");
        xml.WriteRaw("""<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>""");
        xml.WriteRaw("""<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>""");
        xml.WriteRaw($"""<cellXfs count="{2 + FormattedKinds.Length}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/>""");
        for (var i = 0; i < FormattedKinds.Length; i++)
            xml.WriteRaw($"""<xf numFmtId="{164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>""");
        xml.WriteRaw("""</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>""");
        xml.WriteEndElement();
    }

    private static int StyleOf(XlsxColumnKind kind) => Array.IndexOf(FormattedKinds, kind) is >= 0 and var i ? 2 + i : 0;

    private static async Task WorksheetAsync(XmlWriter xml, XlsxSheet sheet, OutputSpool spool, Stream output, CancellationToken ct)
    {
        using var rows = sheet.Rows.GetEnumerator();
        var sample = new List<IReadOnlyList<object?>>();
        while (sample.Count < WidthSample && rows.MoveNext()) sample.Add(rows.Current);
        var widths = sheet.Widths(sample);
        var columnCount = sheet.Columns.Count;
        var row = new RowWriter(xml, columnCount, sheet.Columns.Select(c => StyleOf(c.Kind)).ToArray());

        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("worksheet", MainNs);
        xml.WriteAttributeString("xmlns", "r", null, RelationshipNs);
        // The header row stays in view: a pane frozen below row 1.
        xml.WriteRaw("""<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>""");
        xml.WriteRaw("""<sheetFormatPr defaultRowHeight="15"/>""");
        if (columnCount > 0)
        {
            xml.WriteRaw("<cols>");
            for (var c = 0; c < columnCount; c++)
                xml.WriteRaw(string.Create(CultureInfo.InvariantCulture, $"""<col min="{c + 1}" max="{c + 1}" width="{widths[c]:0.##}" customWidth="1"/>"""));
            xml.WriteRaw("</cols>");
        }
        xml.WriteRaw("<sheetData>");
        row.Header(sheet.Columns);
        foreach (var cells in sample) row.Data(cells);
        while (rows.MoveNext())
        {
            if (row.RowNumber > MaxRows + 1)
                throw new InvalidOperationException($"Sheet '{sheet.Name}' has more than {MaxRows:N0} rows, more than a worksheet holds.");
            row.Data(rows.Current);
            if (spool.Held >= DrainAt) await spool.DrainAsync(output, ct);
        }
        xml.WriteRaw("</sheetData>");
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>
    /// Writes rows of cells as raw markup into one reused character buffer; only text goes through the XML writer's
    /// escaping. No object is made per cell.
    /// </summary>
    private sealed class RowWriter(XmlWriter xml, int columnCount, int[] styles)
    {
        private readonly string[] _styles = styles.Select(s => s.ToString(CultureInfo.InvariantCulture)).ToArray();
        private readonly char[] _buffer = new char[256];
        private int _length;

        /// <summary>The next row's number, 1 for the header.</summary>
        public int RowNumber { get; private set; } = 1;

        public void Header(IReadOnlyList<XlsxColumn> columns)
        {
            StartRow();
            for (var c = 0; c < columnCount; c++) TextCell(columns[c].Header, HeaderStyle);
            EndRow();
        }

        public void Data(IReadOnlyList<object?> cells)
        {
            StartRow();
            for (var c = 0; c < columnCount && c < cells.Count; c++)
            {
                switch (cells[c])
                {
                    case null:
                        Empty();
                        break;
                    case string s:
                        TextCell(s, 0);
                        break;
                    case double d:
                        NumberCell(d, _styles[c]);
                        break;
                    case long l:
                        NumberCell(l, _styles[c]);
                        break;
                    case int i:
                        NumberCell(i, _styles[c]);
                        break;
                    case DateTime t:
                        NumberCell(t.ToOADate(), _styles[c]);
                        break;
                    case DateOnly d:
                        NumberCell(d.ToDateTime(TimeOnly.MinValue).ToOADate(), _styles[c]);
                        break;
                    case decimal m:
                        NumberCell((double)m, _styles[c]);
                        break;
                    case float f:
                        NumberCell(f, _styles[c]);
                        break;
                    case var other:
                        TextCell(Convert.ToString(other, CultureInfo.InvariantCulture) ?? "", 0);
                        break;
                }
            }
            EndRow();
        }

        private void StartRow()
        {
            Append("<row r=\"");
            AppendNumber(RowNumber);
            Append("\">");
        }

        private void EndRow()
        {
            Append("</row>");
            Flush();
            RowNumber++;
        }

        private void NumberCell(double value, string style)
        {
            if (!double.IsFinite(value))
            {
                Empty(); // a spreadsheet has no NaN or infinity
                return;
            }
            Append("<c s=\"");
            Append(style);
            Append("\"><v>");
            value.TryFormat(Free(32), out var written, "R", CultureInfo.InvariantCulture);
            _length += written;
            Append("</v></c>");
        }

        private void TextCell(string text, int style)
        {
            Append("<c");
            if (style != 0)
            {
                Append(" s=\"");
                AppendNumber(style);
                Append("\"");
            }
            var clean = Clean(text.Length > MaxCellText ? text[..MaxCellText] : text);
            // Leading or trailing spaces are kept only when the text says so.
            Append(clean.Length > 0 && (char.IsWhiteSpace(clean[0]) || char.IsWhiteSpace(clean[^1]))
                ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                : " t=\"inlineStr\"><is><t>");
            Flush();
            xml.WriteString(clean);
            Append("</t></is></c>");
        }

        // Cells carry no reference (A2, B2, …): they fill their row from column A, an empty one included, which keeps
        // the part small and well compressed.
        private void Empty() => Append("<c/>");

        private void AppendNumber(int value)
        {
            value.TryFormat(Free(11), out var written, default, CultureInfo.InvariantCulture);
            _length += written;
        }

        private void Append(string text)
        {
            text.CopyTo(Free(text.Length));
            _length += text.Length;
        }

        private Span<char> Free(int needed)
        {
            if (_length + needed > _buffer.Length) Flush();
            return _buffer.AsSpan(_length);
        }

        private void Flush()
        {
            if (_length == 0) return;
            xml.WriteRaw(_buffer, 0, _length);
            _length = 0;
        }
    }

    /// <summary>
    /// Text XML 1.0 can carry: control characters other than tab, line feed and carriage return, lone surrogates and
    /// U+FFFE/U+FFFF become U+FFFD, so hostile or binary-looking text cannot break the part.
    /// </summary>
    internal static string Clean(string text)
    {
        var i = 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' ? c is not ('\t' or '\n' or '\r') : char.IsSurrogate(c) || c >= '\uFFFE') break;
        }
        if (i == text.Length) return text;

        var clean = new StringBuilder(text.Length).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
                continue;
            }
            var valid = c < ' ' ? c is '\t' or '\n' or '\r' : !char.IsSurrogate(c) && c < '\uFFFE';
            clean.Append(valid ? c : '\uFFFD');
        }
        return clean.ToString();
    }
}
