namespace Analytics.Core.Kpis;

public sealed record ChannelSupport(string Channel, long Opened, long Resolved, double? AvgResolutionHours, double? AvgFirstResponseMinutes, double? Csat);
