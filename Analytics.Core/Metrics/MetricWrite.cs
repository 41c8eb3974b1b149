using System.Data.Common;

namespace Analytics.Core.Metrics;

/// <summary>One request's prepared batch, with what else it writes in the same transaction (its customer activity).</summary>
public sealed record MetricWrite(int TenantId, MetricBatch Batch, Func<DbTransaction, CancellationToken, Task>? Alongside = null)
{
    public int Events => Batch.DimensionsJson.Length;
}
