using Analytics.Core.Errors;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Core.Data;

/// <summary>
/// A consistent copy of the whole database while the app keeps running: SQLite's <c>VACUUM INTO</c> reads one
/// snapshot (writers go on in WAL mode) and writes a compact file that opens as a normal database.
/// </summary>
public sealed class DatabaseBackup(AnalyticsDbContext db)
{
    public async Task<long> WriteAsync(string path, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
            throw new InvalidInputException("provider",
                "The backup command copies the embedded SQLite file. On PostgreSQL use pg_dump, e.g. pg_dump --format=custom --file=analytics.dump \"$CONNECTION\" (see docs/operations.md).");
        var target = Path.GetFullPath(path);
        if (File.Exists(target)) throw new InvalidInputException("path", $"{target} exists; a backup never overwrites a file.");
        if (Path.GetDirectoryName(target) is { } folder) Directory.CreateDirectory(folder);
        await db.Database.ExecuteSqlAsync($"VACUUM INTO {target}", ct);
        return new FileInfo(target).Length;
    }
}
