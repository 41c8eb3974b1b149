using Analytics.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Customers;

/// <summary>
/// Settles the customers that ingest touched: re-scores their engagement and re-evaluates their segment membership,
/// in transactions of their own. Ingest only notes the keys, so a batch holds SQLite's one writer for its rows alone,
/// and a customer touched by many batches in a moment is settled once. <see cref="CustomerSettlerJob"/> settles
/// shortly after ingest; every read of profiles or segments settles its tenant first, so a caller reads its own
/// writes. Keys live in memory: after a crash the nightly pass (<see cref="CustomerMaintenance"/>) brings the few
/// unsettled customers up to date.
/// </summary>
public sealed partial class CustomerSettler(IServiceScopeFactory scopes, IOptions<CustomerOptions> options, TimeProvider clock, ILogger<CustomerSettler> logger)
{
    /// <summary>Keys per transaction, so a large backlog never holds the writer for long.</summary>
    public const int Chunk = 5_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<int, HashSet<long>> _pending = [];
    private readonly SemaphoreSlim _settling = new(1, 1);
    private readonly SemaphoreSlim _work = new(0, 1);

    /// <summary>Notes customers whose profile or activity changed.</summary>
    public void Touched(int tenantId, IEnumerable<long> keys)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(tenantId, out var set)) _pending[tenantId] = set = [];
            set.UnionWith(keys);
        }
        if (_work.CurrentCount == 0)
        {
            try { _work.Release(); }
            catch (SemaphoreFullException) { /* already signalled */ }
        }
    }

    public bool HasPending(int tenantId)
    {
        lock (_gate) return _pending.ContainsKey(tenantId);
    }

    /// <summary>Waits until some customer was touched.</summary>
    public Task WaitForWorkAsync(CancellationToken ct) => _work.WaitAsync(ct);

    /// <summary>
    /// Settles the tenant's touched customers before a read. A failure is logged, not thrown: the keys stay queued and
    /// the read sees the previous scores.
    /// </summary>
    public async Task BeforeReadAsync(int tenantId, CancellationToken ct)
    {
        if (!HasPending(tenantId)) return;
        try
        {
            await SettleAsync(tenantId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e, tenantId);
        }
    }

    /// <summary>Settles every tenant's touched customers.</summary>
    public async Task SettleAllAsync(CancellationToken ct)
    {
        int[] tenants;
        lock (_gate) tenants = [.. _pending.Keys];
        foreach (var tenantId in tenants) await SettleAsync(tenantId, ct);
    }

    /// <summary>Settles one tenant's touched customers; on failure its keys go back into the queue.</summary>
    public async Task SettleAsync(int tenantId, CancellationToken ct)
    {
        await _settling.WaitAsync(ct);
        try
        {
            while (Take(tenantId) is { } keys)
            {
                try
                {
                    await WriteAsync(tenantId, keys, ct);
                }
                catch
                {
                    Touched(tenantId, keys);
                    throw;
                }
            }
        }
        finally
        {
            _settling.Release();
        }
    }

    private List<long>? Take(int tenantId)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(tenantId, out var set)) return null;
            if (set.Count <= Chunk)
            {
                _pending.Remove(tenantId);
                return [.. set];
            }
            var keys = set.Take(Chunk).ToList();
            set.ExceptWith(keys);
            return keys;
        }
    }

    private async Task WriteAsync(int tenantId, List<long> keys, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var transaction = tx.GetDbTransaction();
            await CustomerActivityRecorder.RescoreAsync(transaction, tenantId, keys, now, options.Value, ct);
            await SegmentEvaluator.EvaluateProfilesAsync(transaction, tenantId, keys, now, ct);
            await tx.CommitAsync(ct);
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling touched customers of tenant {TenantId} failed; they stay queued")]
    private static partial void LogFailed(ILogger logger, Exception exception, int tenantId);
}
