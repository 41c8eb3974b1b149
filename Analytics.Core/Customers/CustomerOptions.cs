namespace Analytics.Core.Customers;

/// <summary>
/// Customer profiles, engagement and segments (section <c>Customers</c>).
/// Engagement = 100 × (w_r·R + w_f·F + w_b·B) / (w_r + w_f + w_b), rounded, where over the last
/// <see cref="EngagementWindow"/>: R = 1 − days since last seen ÷ window days (0 when older), F = ln(1 + events) ÷
/// ln(1 + <see cref="FrequencyTarget"/>) capped at 1, and B = distinct modules ÷ <see cref="BreadthTarget"/> capped at 1.
/// </summary>
public sealed class CustomerOptions
{
    public const string Section = "Customers";

    /// <summary>The window engagement looks back over.</summary>
    public TimeSpan EngagementWindow { get; set; } = TimeSpan.FromDays(90);

    public double RecencyWeight { get; set; } = 0.4;
    public double FrequencyWeight { get; set; } = 0.35;
    public double BreadthWeight { get; set; } = 0.25;

    /// <summary>Events in the window that count as fully frequent.</summary>
    public int FrequencyTarget { get; set; } = 40;

    /// <summary>Distinct modules in the window that count as fully broad.</summary>
    public int BreadthTarget { get; set; } = 3;

    /// <summary>How long each customer's activity (the timeline, metric conditions of segments, segment-narrowed queries) is kept.</summary>
    public TimeSpan ActivityRetention { get; set; } = TimeSpan.FromDays(730);

    /// <summary>How long after ingest new customer activity is applied to its profiles; a busy stream's batches share one pass (reads settle at once).</summary>
    public TimeSpan SettleDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>UTC time of day of the nightly pass: re-score engagement, re-evaluate every segment, trim old activity.</summary>
    public TimeSpan NightlyAt { get; set; } = TimeSpan.FromHours(3);

    /// <summary>Metric names whose values add to lifetime value.</summary>
    public List<string> RevenueMetrics { get; set; } = ["order_value", "subscription_revenue"];

    /// <summary>Metric names whose values are taken off lifetime value.</summary>
    public List<string> RefundMetrics { get; set; } = ["refund_amount"];

    /// <summary>The metric one event of which is one order.</summary>
    public string OrderMetric { get; set; } = "order_value";
}
