using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Analytics.Core.Metrics;

/// <summary>The single-node change feed: subscribers in this process, each coalesced to one notification per interval.</summary>
public sealed partial class InProcessMetricChangeFeed(TimeProvider clock, ILogger<InProcessMetricChangeFeed> logger) : IMetricChangeFeed
{
    private readonly TimeProvider _clock = clock;
    private readonly ILogger _logger = logger;

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Subscription, byte>> _subscribers = new();

    public void Publish(int tenantId, IReadOnlyCollection<string> names)
    {
        if (names.Count == 0 || !_subscribers.TryGetValue(tenantId, out var subscriptions)) return;
        foreach (var subscription in subscriptions.Keys) subscription.Add(names);
    }

    public IDisposable Subscribe(int tenantId, Func<MetricChange, Task> onChange)
    {
        var subscription = new Subscription(this, tenantId, onChange);
        _subscribers.GetOrAdd(tenantId, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    private void Remove(Subscription subscription)
    {
        if (_subscribers.TryGetValue(subscription.TenantId, out var subscriptions)) subscriptions.TryRemove(subscription, out _);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A metric change subscriber of tenant {TenantId} failed")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception, int tenantId);

    /// <summary>Collects names and delivers them no sooner than <see cref="Interval"/> after the last delivery.</summary>
    private sealed class Subscription(InProcessMetricChangeFeed feed, int tenantId, Func<MetricChange, Task> onChange) : IDisposable
    {
        private readonly Lock _gate = new();
        private HashSet<string> _pending = [];
        private ITimer? _timer;
        private bool _scheduled;
        private DateTimeOffset _lastDelivery = DateTimeOffset.MinValue;
        private bool _disposed;

        public int TenantId => tenantId;

        public void Add(IReadOnlyCollection<string> names)
        {
            lock (_gate)
            {
                if (_disposed) return;
                _pending.UnionWith(names);
                if (_scheduled) return;
                _scheduled = true;
                var due = _lastDelivery + Interval - feed._clock.GetUtcNow();
                // A timer may fire before CreateTimer returns; _scheduled, not the timer field, says whether one is pending.
                var timer = feed._clock.CreateTimer(_ => _ = DeliverAsync(), null, due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
                if (_scheduled) _timer = timer;
                else timer.Dispose();
            }
        }

        private async Task DeliverAsync()
        {
            HashSet<string> names;
            lock (_gate)
            {
                names = _pending;
                _pending = [];
                _scheduled = false;
                _timer?.Dispose();
                _timer = null;
                _lastDelivery = feed._clock.GetUtcNow();
                if (_disposed || names.Count == 0) return;
            }
            try
            {
                await onChange(new MetricChange(tenantId, names));
            }
            catch (Exception e)
            {
                LogSubscriberFailed(feed._logger, e, tenantId);
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                _timer?.Dispose();
                _timer = null;
            }
            feed.Remove(this);
        }
    }
}
