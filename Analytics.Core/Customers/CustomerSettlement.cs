namespace Analytics.Core.Customers;

/// <summary>
/// How far profiles have taken in customer activity: every activity row up to <see cref="LastActivityId"/> is counted
/// in its profile's figures, engagement and segments (<see cref="CustomerSettler"/>). One row, id 1.
/// </summary>
public sealed class CustomerSettlement
{
    public int Id { get; set; }
    public long LastActivityId { get; set; }
}
