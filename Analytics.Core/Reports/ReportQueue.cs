namespace Analytics.Core.Reports;

/// <summary>
/// Wakes this node's scheduler when a run is queued, so on-demand reports start at once instead of at the next poll.
/// The queue itself is the <see cref="ReportRun"/> table: a run queued here is found by any node, also after a restart.
/// </summary>
public sealed class ReportQueue
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        if (_signal.CurrentCount == 0)
            try { _signal.Release(); } catch (SemaphoreFullException) { }
    }

    /// <summary>Waits for a wake-up or for <paramref name="timeout"/>.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) =>
        _signal.WaitAsync(timeout, ct);
}
