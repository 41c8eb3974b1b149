namespace Analytics.Core.Kpis;

public enum KpiFigureFormat
{
    Number,
    Money,
    Percent,
}
