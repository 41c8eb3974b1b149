using SkiaSharp;

namespace Analytics.Core.Reports.Rendering.Pdf;

/// <summary>The typefaces of a PDF, found through fontconfig: the first installed family of a list, so €, Ü and Ø are real text.</summary>
internal sealed class PdfFonts : IDisposable
{
    private PdfFonts(string family, SKTypeface regular, SKTypeface bold)
    {
        Family = family;
        Regular = regular;
        Bold = bold;
    }

    public string Family { get; }
    public SKTypeface Regular { get; }
    public SKTypeface Bold { get; }

    public static PdfFonts Load(IReadOnlyList<string> families)
    {
        foreach (var family in families)
        {
            var regular = SKTypeface.FromFamilyName(family, SKFontStyle.Normal);
            if (regular is not null && string.Equals(regular.FamilyName, family, StringComparison.OrdinalIgnoreCase))
                return new PdfFonts(regular.FamilyName, regular, SKTypeface.FromFamilyName(family, SKFontStyle.Bold) ?? regular);
            regular?.Dispose();
        }
        // No listed family is installed: the system default still draws Latin text.
        var fallback = SKTypeface.Default;
        return new PdfFonts(fallback.FamilyName, fallback, SKTypeface.FromFamilyName(fallback.FamilyName, SKFontStyle.Bold) ?? fallback);
    }

    public SKFont Font(float size, bool bold = false) => new(bold ? Bold : Regular, size) { Subpixel = true };

    public void Dispose()
    {
        if (!ReferenceEquals(Bold, Regular)) Bold.Dispose();
        Regular.Dispose();
    }
}
