using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Api.Reports;

/// <summary>The real app with mail going to a pickup folder of the test's own.</summary>
public sealed class ReportsAppFactory : AnalyticsAppFactory
{
    public string Pickup { get; } = Path.Combine(Path.GetTempPath(), "analytics-tests", $"pickup-{Guid.NewGuid():N}");

    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Seed:Demo:Enabled"] = "false",
        ["Smtp:PickupFolder"] = Pickup,
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(Pickup)) Directory.Delete(Pickup, recursive: true);
    }
}
