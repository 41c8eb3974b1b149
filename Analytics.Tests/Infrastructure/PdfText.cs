using System.Diagnostics;

namespace Analytics.Tests.Infrastructure;

/// <summary>The text of a PDF as poppler's <c>pdftotext</c> reads it (Debian's poppler-utils, installed by test.sh).</summary>
public static class PdfText
{
    public static async Task<string> ExtractAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"analytics-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var info = new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(info) ?? throw new InvalidOperationException("pdftotext did not start.");
            var text = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0) throw new InvalidOperationException($"pdftotext failed ({process.ExitCode}): {error}");
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>How many pages poppler counts in the PDF.</summary>
    public static async Task<int> PagesAsync(byte[] pdf)
    {
        var text = await ExtractAsync(pdf);
        return text.Count(c => c == '\f');
    }
}
