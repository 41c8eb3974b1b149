namespace Analytics.Core.Kpis;

public sealed record CampaignFigures(string Campaign, decimal Spend, double Sent, double Opens, double Clicks, long Conversions, decimal? CostPerConversion);
