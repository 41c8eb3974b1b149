using Analytics.Core.Kpis;

namespace Analytics.Core.Reports;

/// <summary>An export ready to write: its computed KPI figures, format, file name and content type.</summary>
public sealed record ReportExport(KpiExport Content, ReportFormat Format, RenderedReport File, string FileName);
