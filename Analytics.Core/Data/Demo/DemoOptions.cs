namespace Analytics.Core.Data.Demo;

/// <summary>The demo tenant written on first start (section <c>Seed:Demo</c>).</summary>
public sealed class DemoOptions
{
    public const string Section = "Seed:Demo";

    public bool Enabled { get; set; } = true;

    /// <summary>The password of the five demo users (admin, analyst, manager, operator, dealer @demo.local).</summary>
    public string Password { get; set; } = "";

    /// <summary>A write key for the demo tenant, registered as given so scripts can use it.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>How many days of history to write, ending today.</summary>
    public int Days { get; set; } = 730;
}
