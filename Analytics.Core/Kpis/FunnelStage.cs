namespace Analytics.Core.Kpis;

/// <summary>Deals that reached a stage in the window: how many and their amounts.</summary>
public sealed record FunnelStage(string Stage, long Count, decimal Value);
