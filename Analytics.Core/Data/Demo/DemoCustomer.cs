namespace Analytics.Core.Data.Demo;

/// <summary>One account of the demo company: where it is, how it pays, how much it buys and when it leaves.</summary>
/// <param name="ChurnIndex">The day index on which it churns; past the window means it stays.</param>
/// <param name="Plan">Index into <see cref="DemoCatalog.Plans"/>, or -1 without a subscription.</param>
internal sealed record DemoCustomer(
    string Id,
    DemoCatalog.Country Country,
    string Currency,
    string OrderChannel,
    string SignupChannel,
    double Propensity,
    int ChurnIndex,
    int Plan,
    int BillingDay);
