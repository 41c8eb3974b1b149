using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Analytics.Core.Data;

/// <summary>
/// Per-connection SQLite settings: a 64 MiB page cache (the default 2 MiB makes index inserts into a large
/// events table read pages back from disk), temporary tables in memory, and no automatic WAL checkpoint while
/// <see cref="SqliteCheckpointJob"/> checkpoints in the background.
/// </summary>
public sealed class SqlitePragmas(SqliteCheckpoints checkpoints) : DbConnectionInterceptor
{
    private string Pragmas => checkpoints.InBackground
        ? "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 0;"
        : "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
