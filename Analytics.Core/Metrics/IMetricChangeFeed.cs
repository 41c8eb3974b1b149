namespace Analytics.Core.Metrics;

/// <summary>
/// Tells open dashboards which metrics changed. Ingest publishes after commit; each subscriber hears at most once per
/// second, with the union of what changed meanwhile. In process today; a multi-node store replaces the implementation.
/// </summary>
public interface IMetricChangeFeed
{
    void Publish(int tenantId, IReadOnlyCollection<string> names);

    /// <summary>Listens to one tenant's changes until the returned handle is disposed.</summary>
    IDisposable Subscribe(int tenantId, Func<MetricChange, Task> onChange);
}
