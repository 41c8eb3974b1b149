using SkiaSharp;

namespace Analytics.Core.Reports.Rendering.Pdf;

/// <summary>The colours of printed reports: paper is white whatever the screen's theme.</summary>
internal static class PdfColors
{
    public static readonly SKColor Text = new(0x1F, 0x29, 0x37);
    public static readonly SKColor Secondary = new(0x5F, 0x67, 0x73);
    public static readonly SKColor Accent = new(0x3F, 0x51, 0xB5);
    public static readonly SKColor Rule = new(0xD0, 0xD5, 0xDD);
    public static readonly SKColor HeaderFill = new(0xE8, 0xEA, 0xF0);
    public static readonly SKColor Stripe = new(0xF6, 0xF7, 0xF9);
    public static readonly SKColor Good = new(0x2E, 0x7D, 0x32);
    public static readonly SKColor Bad = new(0xC6, 0x28, 0x28);
}
