using Microsoft.EntityFrameworkCore;

namespace Analytics.Core.Data;

/// <summary>
/// SQLite has one writer. The busy writers of this process — ingest's write queue and the customer settler — take
/// turns here, in arrival order. Meeting at SQLite's lock instead, a refused <c>BEGIN IMMEDIATE</c> sleeps out
/// Microsoft.Data.Sqlite's retry pause while the other writer starts its next transaction, which stalled ingest for
/// seconds behind a settle. On PostgreSQL, which has no single writer, the turn is free.
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Waits for this process's turn to write to <paramref name="db"/>'s SQLite file; dispose the turn when committed.</summary>
    public async ValueTask<Turn> EnterAsync(DbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return default;
        await _turn.WaitAsync(ct);
        return new Turn(_turn);
    }

    public readonly struct Turn(SemaphoreSlim? turn) : IDisposable
    {
        public void Dispose() => turn?.Release();
    }
}
