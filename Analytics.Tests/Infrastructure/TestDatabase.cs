namespace Analytics.Tests.Infrastructure;

/// <summary>A fresh SQLite file for one test class, removed with its WAL files afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, $"{Guid.NewGuid():N}.db");
    }

    private static string Folder => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "analytics-tests");

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path};Pooling=False";

    public void Dispose()
    {
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
            try { File.Delete(file); } catch (IOException) { }
    }
}
