namespace Analytics.Core.Reports;

/// <summary>
/// The bytes of a succeeded run, in their own table so listing runs never reads them. Kept in the database rather than
/// on disk: written in the run's transaction, backed up with everything else, and shared by every node.
/// </summary>
public sealed class ReportFile : Analytics.Core.Tenancy.ITenantOwned
{
    public long RunId { get; set; }
    public int TenantId { get; set; }
    public required byte[] Content { get; set; }
}
