using System.Collections.Concurrent;

namespace Analytics.Core.Insights;

/// <summary>Tells open pages of a tenant that new high anomalies were stored, so the layout can show them at once.</summary>
public sealed class AnomalyAlerts
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Subscription, byte>> _subscribers = new();

    public void Publish(int tenantId, IReadOnlyList<Anomaly> high)
    {
        if (high.Count == 0 || !_subscribers.TryGetValue(tenantId, out var subscriptions)) return;
        foreach (var subscription in subscriptions.Keys) _ = subscription.DeliverAsync(high);
    }

    /// <summary>Listens to one tenant's new high anomalies until the returned handle is disposed.</summary>
    public IDisposable Subscribe(int tenantId, Func<IReadOnlyList<Anomaly>, Task> onHigh)
    {
        var subscription = new Subscription(this, tenantId, onHigh);
        _subscribers.GetOrAdd(tenantId, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    private sealed class Subscription(AnomalyAlerts alerts, int tenantId, Func<IReadOnlyList<Anomaly>, Task> onHigh) : IDisposable
    {
        public async Task DeliverAsync(IReadOnlyList<Anomaly> high)
        {
            try
            {
                await onHigh(high);
            }
            catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
            {
                // The page went away while it was told.
            }
        }

        public void Dispose()
        {
            if (alerts._subscribers.TryGetValue(tenantId, out var subscriptions)) subscriptions.TryRemove(this, out _);
        }
    }
}
