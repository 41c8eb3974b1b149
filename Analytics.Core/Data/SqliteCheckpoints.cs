namespace Analytics.Core.Data;

/// <summary>
/// Whether <see cref="SqliteCheckpointJob"/> is checkpointing the WAL. While it is, new connections turn SQLite's
/// automatic checkpoint off, so no commit (an ingest batch above all) pays for copying the WAL into the database;
/// without it (command-line runs, tests) SQLite checkpoints as usual.
/// </summary>
public sealed class SqliteCheckpoints
{
    private volatile bool _inBackground;

    public bool InBackground
    {
        get => _inBackground;
        set => _inBackground = value;
    }
}
