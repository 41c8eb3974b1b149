namespace Analytics.Benchmarks;

/// <summary>A fresh folder under the temp directory for the run's database files, removed with everything in it at the end.</summary>
public sealed class ScratchFolder : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("analytics-bench-");

    public string Path => _folder.FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The size of a file, with its SQLite write-ahead log if one is beside it.</summary>
    public long SizeOf(string name) =>
        new[] { File(name), File(name) + "-wal" }.Where(System.IO.File.Exists).Sum(f => new FileInfo(f).Length);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { _folder.Delete(recursive: true); }
        catch (IOException e) { Console.Error.WriteLine($"Could not remove {Path}: {e.Message}"); }
    }
}
