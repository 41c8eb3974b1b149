namespace Analytics.Core.Kpis;

public sealed record AcquisitionChannel(string Channel, long Customers, double? Percent);
