using Analytics.Core.Reports.Rendering;
using Analytics.Core.Tenancy;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Reports;

/// <summary>Draws a <see cref="ReportSpec"/> into a stream from the same query services the widgets use.</summary>
public sealed class ReportRenderer(ReportContentBuilder contents, IOptions<ReportRenderingOptions> options)
{
    /// <summary>
    /// Queries everything the report shows, then writes it in the spec's format. A refusal (unknown field, too many
    /// buckets) is thrown before the first byte is written.
    /// </summary>
    public async Task<RenderedReport> RenderAsync(Caller caller, ReportSpec spec, Stream output, CancellationToken ct)
    {
        var content = await contents.BuildAsync(caller, spec, ct);
        await WriteAsync(content, spec.Format, output, ct);
        return Describe(spec.Format);
    }

    public async Task WriteAsync(ReportContent content, ReportFormat format, Stream output, CancellationToken ct)
    {
        switch (format)
        {
            case ReportFormat.Csv:
                await CsvReportWriter.WriteAsync(content, output, ct);
                break;
            case ReportFormat.Json:
                await JsonReportWriter.WriteAsync(content, output, ct);
                break;
            case ReportFormat.Xlsx:
                await XlsxReportWriter.WriteAsync(content, output, options.Value.XlsxStreamingThreshold, ct);
                break;
            case ReportFormat.Pdf:
                await PdfReportWriter.WriteAsync(content, output, options.Value.PdfFontFamilies(), ct);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format.");
        }
    }

    /// <summary>The content type and file extension of a format.</summary>
    public static RenderedReport Describe(ReportFormat format) => format switch
    {
        ReportFormat.Csv => new RenderedReport(CsvReportWriter.ContentType, "csv"),
        ReportFormat.Json => new RenderedReport(JsonReportWriter.ContentType, "json"),
        ReportFormat.Xlsx => new RenderedReport(XlsxReportWriter.ContentType, "xlsx"),
        ReportFormat.Pdf => new RenderedReport(PdfReportWriter.ContentType, "pdf"),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format."),
    };
}
