namespace Analytics.Core.Kpis;

/// <summary>One period of an export's time series: its label (2026-01, 2026-W05 …) and first day in the tenant's zone.</summary>
public sealed record KpiExportPeriod(string Label, DateOnly FirstDay);
