using SkiaSharp;

namespace Analytics.Core.Reports.Rendering.Pdf;

/// <summary>
/// A document laid out top to bottom on A4 pages: text blocks, tables and drawings. Blocks that do not fit go to a new
/// page; a table breaks between rows and repeats its header. Pages are recorded first and drawn at the end, so the
/// footer can say "Page n of N".
/// </summary>
internal sealed class PdfLayout(PdfFonts fonts)
{
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;
    public const float Margin = 42f;
    private const float HeaderHeight = 24f;
    private const float FooterHeight = 24f;

    private readonly List<List<Action<SKCanvas>>> _pages = [[]];
    private float _y = Top;

    private static float Top => Margin + HeaderHeight;
    private static float Bottom => PageHeight - Margin - FooterHeight;

    public static float ContentWidth => PageWidth - 2 * Margin;

    public PdfFonts Fonts => fonts;

    public int PageCount => _pages.Count;

    /// <summary>Space left on the current page.</summary>
    public float Remaining => Bottom - _y;

    public void NewPage()
    {
        _pages.Add([]);
        _y = Top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
    public void KeepTogether(float height)
    {
        if (_y + height > Bottom && _y > Top) NewPage();
    }

    public void Space(float height) => _y = Math.Min(_y + height, Bottom);

    /// <summary>A paragraph wrapped at the content width (or <paramref name="width"/>), line by line across pages.</summary>
    public void Text(string text, float size, bool bold = false, SKColor? color = null, float spaceAfter = 4f)
    {
        using var font = fonts.Font(size, bold);
        var lineHeight = size * 1.35f;
        var paint = color ?? PdfColors.Text;
        foreach (var line in Wrap(font, text, ContentWidth))
        {
            KeepTogether(lineHeight);
            var baseline = _y + size;
            Draw(canvas =>
            {
                using var f = fonts.Font(size, bold);
                using var p = new SKPaint { Color = paint, IsAntialias = true };
                canvas.DrawText(line, Margin, baseline, f, p);
            });
            _y += lineHeight;
        }
        Space(spaceAfter);
    }

    /// <summary>A block of <paramref name="height"/> points drawn by <paramref name="draw"/> inside its rectangle, clipped to it.</summary>
    public void Drawing(float height, Action<SKCanvas, SKRect> draw)
    {
        KeepTogether(height);
        var rect = new SKRect(Margin, _y, Margin + ContentWidth, _y + Math.Min(height, Bottom - Top));
        Draw(canvas =>
        {
            canvas.Save();
            canvas.ClipRect(rect);
            draw(canvas, rect);
            canvas.Restore();
        });
        _y = rect.Bottom;
    }

    /// <summary>A table with a shaded header row, striped rows and cells cut short with … when too wide; it breaks between rows.</summary>
    public void Table(IReadOnlyList<PdfColumn> columns, IEnumerable<IReadOnlyList<string>> rows, float size = 9f)
    {
        var rowHeight = size * 2f;
        var total = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => ContentWidth * c.Weight / total).ToArray();
        var header = columns.Select(c => c.Header).ToArray();

        KeepTogether(rowHeight * 2);
        TableRow(columns, widths, header, size, rowHeight, headerRow: true, stripe: false);
        var index = 0;
        foreach (var row in rows)
        {
            if (_y + rowHeight > Bottom)
            {
                NewPage();
                TableRow(columns, widths, header, size, rowHeight, headerRow: true, stripe: false);
            }
            TableRow(columns, widths, row, size, rowHeight, headerRow: false, stripe: index++ % 2 == 1);
        }
        Space(size);
    }

    private void TableRow(IReadOnlyList<PdfColumn> columns, float[] widths, IReadOnlyList<string> cells, float size, float height, bool headerRow, bool stripe)
    {
        var top = _y;
        var texts = new string[columns.Count];
        using (var font = fonts.Font(size, headerRow))
            for (var i = 0; i < columns.Count; i++) texts[i] = Fit(font, i < cells.Count ? cells[i] : "", widths[i] - 8);
        Draw(canvas =>
        {
            using var font = fonts.Font(size, headerRow);
            using var fill = new SKPaint { Color = headerRow ? PdfColors.HeaderFill : PdfColors.Stripe, Style = SKPaintStyle.Fill };
            using var rule = new SKPaint { Color = PdfColors.Rule, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
            using var ink = new SKPaint { Color = PdfColors.Text, IsAntialias = true };
            if (headerRow || stripe) canvas.DrawRect(new SKRect(Margin, top, Margin + ContentWidth, top + height), fill);
            canvas.DrawLine(Margin, top + height, Margin + ContentWidth, top + height, rule);
            var x = Margin;
            var baseline = top + (height + size * 0.72f) / 2;
            for (var i = 0; i < texts.Length; i++)
            {
                var textX = columns[i].Align == PdfAlign.Right ? x + widths[i] - 4 - font.MeasureText(texts[i]) : x + 4;
                canvas.DrawText(texts[i], textX, baseline, font, ink);
                x += widths[i];
            }
        });
        _y += height;
    }

    /// <summary>Draws the recorded pages with a header (left and right) and a footer (left, and the page number).</summary>
    public void Save(Stream output, string headerLeft, string headerRight, string footerLeft, SKDocumentPdfMetadata metadata)
    {
        using var document = SKDocument.CreatePdf(output, metadata);
        for (var i = 0; i < _pages.Count; i++)
        {
            var canvas = document.BeginPage(PageWidth, PageHeight);
            foreach (var draw in _pages[i]) draw(canvas);
            Frame(canvas, headerLeft, headerRight, footerLeft, $"Page {i + 1} of {_pages.Count}");
            document.EndPage();
        }
        document.Close();
    }

    private void Frame(SKCanvas canvas, string headerLeft, string headerRight, string footerLeft, string footerRight)
    {
        using var font = fonts.Font(8);
        using var ink = new SKPaint { Color = PdfColors.Secondary, IsAntialias = true };
        using var rule = new SKPaint { Color = PdfColors.Rule, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
        var half = ContentWidth / 2 - 6;
        var headerBaseline = Margin + 8;
        canvas.DrawText(Fit(font, headerLeft, half), Margin, headerBaseline, font, ink);
        var right = Fit(font, headerRight, half);
        canvas.DrawText(right, PageWidth - Margin - font.MeasureText(right), headerBaseline, font, ink);
        canvas.DrawLine(Margin, Margin + 13, PageWidth - Margin, Margin + 13, rule);

        var footerTop = PageHeight - Margin - 10;
        canvas.DrawLine(Margin, footerTop - 9, PageWidth - Margin, footerTop - 9, rule);
        canvas.DrawText(Fit(font, footerLeft, half), Margin, footerTop + 2, font, ink);
        canvas.DrawText(footerRight, PageWidth - Margin - font.MeasureText(footerRight), footerTop + 2, font, ink);
    }

    private void Draw(Action<SKCanvas> action) => _pages[^1].Add(action);

    /// <summary>The text cut short with … so it fits <paramref name="width"/>.</summary>
    public static string Fit(SKFont font, string text, float width)
    {
        if (font.MeasureText(text) <= width) return text;
        var low = 0;
        var high = text.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (font.MeasureText(string.Concat(text.AsSpan(0, mid), "…")) <= width) low = mid;
            else high = mid - 1;
        }
        return string.Concat(text.AsSpan(0, low).TrimEnd(), "…");
    }

    /// <summary>Lines of at most <paramref name="width"/>, broken between words (inside a word only when it alone is too wide).</summary>
    public static IEnumerable<string> Wrap(SKFont font, string text, float width)
    {
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (font.MeasureText(candidate) <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0) yield return line;
                line = word;
                while (font.MeasureText(line) > width && line.Length > 1)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && font.MeasureText(line.AsSpan(0, cut)) > width) cut--;
                    yield return line[..cut];
                    line = line[cut..];
                }
            }
            yield return line;
        }
    }
}
