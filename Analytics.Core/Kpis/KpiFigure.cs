namespace Analytics.Core.Kpis;

/// <summary>One KPI a dashboard widget can show: its key (<c>kpi.revenue.total_revenue</c>), area, label, format and where it is read from.</summary>
public sealed record KpiFigure(string Key, string Area, string Label, KpiFigureFormat Format, bool HigherIsBetter, Func<object, double?> Read);
