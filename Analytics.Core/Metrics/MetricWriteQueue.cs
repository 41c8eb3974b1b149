using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Core.Metrics;

/// <summary>
/// The one path by which ingest writes: requests queue here and a single writer commits them in arrival order, small
/// ones together (group commit). SQLite has one writer anyway; queueing in the process instead of in SQLite's busy
/// handler (which sleeps and retries) keeps latency even, and many single-event requests share one commit and one
/// fsync. Each request is still all or nothing: when a group fails, its requests are written again one by one, so one
/// request's failure is its own. A request is acknowledged only after its commit.
/// </summary>
public sealed class MetricWriteQueue(IServiceScopeFactory scopes) : IAsyncDisposable
{
    /// <summary>Events above which a group takes no further requests; a larger request is a group of its own.</summary>
    public const int GroupEvents = 5_000;

    private const int GroupRequests = 500;

    private sealed record Pending(MetricWrite Write, TaskCompletionSource Done);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private Task? _writer;
    private long _commits;

    /// <summary>Transactions committed so far (fewer than requests when requests share commits).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Queues the write and completes once it is committed (or throws what failed it).</summary>
    public Task WriteAsync(MetricWrite write, CancellationToken ct)
    {
        lock (_gate) _writer ??= Task.Run(WriteLoopAsync, CancellationToken.None);
        var pending = new Pending(write, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(MetricWriteQueue));
        // A caller that gives up stops waiting; its write, already queued, still lands or fails on its own.
        return pending.Done.Task.WaitAsync(ct);
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            var events = 0;
            while (group.Count < GroupRequests && _queue.Reader.TryPeek(out var next)
                   && (group.Count == 0 || events + next.Write.Events <= GroupEvents)
                   && _queue.Reader.TryRead(out next))
            {
                group.Add(next);
                events += next.Write.Events;
            }
            await WriteGroupAsync(group);
        }
    }

    private async Task WriteGroupAsync(List<Pending> group)
    {
        try
        {
            await WriteAsync([.. group.Select(p => p.Write)]);
            foreach (var p in group) p.Done.TrySetResult();
        }
        catch (Exception) when (group.Count > 1)
        {
            foreach (var p in group)
            {
                try
                {
                    await WriteAsync([p.Write]);
                    p.Done.TrySetResult();
                }
                catch (Exception e)
                {
                    p.Done.TrySetException(e);
                }
            }
        }
        catch (Exception e)
        {
            group[0].Done.TrySetException(e);
        }
    }

    private async Task WriteAsync(IReadOnlyList<MetricWrite> writes)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MetricStore>().WriteAsync(writes, CancellationToken.None);
        Interlocked.Increment(ref _commits);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer is not null) await _writer;
    }
}
