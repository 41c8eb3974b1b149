namespace Analytics.Tests.Infrastructure;

/// <summary>The real app without the demo seed or the anomaly detector, for tests that put in every event they read.</summary>
public sealed class QuietAppFactory : AnalyticsAppFactory
{
    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Seed:Demo:Enabled"] = "false",
        ["Anomalies:Enabled"] = "false",
    };
}
