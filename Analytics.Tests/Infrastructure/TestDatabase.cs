using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Analytics.Tests.Infrastructure;

/// <summary>
/// A fresh database for one test class: a SQLite file removed with its WAL files afterwards, or, when
/// <c>ANALYTICS_TEST_POSTGRES</c> names a PostgreSQL server (<c>./test.sh --postgres</c> sets it), a database of its own
/// on that server, dropped afterwards.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    /// <summary>The server's connection string without a database, e.g. <c>Host=127.0.0.1;Port=5433;Username=postgres</c>.</summary>
    public static string? PostgresServer { get; } = Environment.GetEnvironmentVariable("ANALYTICS_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    public static bool UsesPostgres => PostgresServer is not null;

    /// <summary>The value of <c>Database:Provider</c> for the app under test.</summary>
    public static string Provider => UsesPostgres ? "Postgres" : "Sqlite";

    public const string SqliteOnly = "This test is about the embedded SQLite file; the suite runs on PostgreSQL now (ANALYTICS_TEST_POSTGRES).";

    public TestDatabase()
    {
        var name = Guid.NewGuid().ToString("N");
        if (PostgresServer is { } server)
        {
            Path = "";
            Name = $"analytics_test_{name}";
            // Few idle connections per class, gone soon after it: hundreds of classes share one server.
            ConnectionString = new NpgsqlConnectionStringBuilder(server)
            {
                Database = Name, MinPoolSize = 0, MaxPoolSize = 20, ConnectionIdleLifetime = 5, ConnectionPruningInterval = 1,
            }.ToString();
            return;
        }
        Directory.CreateDirectory(Folder);
        Name = name;
        Path = System.IO.Path.Combine(Folder, $"{name}.db");
        ConnectionString = $"Data Source={Path};Pooling=False";
    }

    private static string Folder => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "analytics-tests");

    /// <summary>The SQLite file; empty on PostgreSQL.</summary>
    public string Path { get; }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>An open ADO.NET connection of the provider under test, for checks with plain SQL.</summary>
    public static async Task<DbConnection> ConnectAsync(string connectionString)
    {
        DbConnection connection = UsesPostgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    public void Dispose()
    {
        if (PostgresServer is { } server)
        {
            using (var own = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(own);
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)";
            drop.ExecuteNonQuery();
            return;
        }
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
            try { File.Delete(file); } catch (IOException) { }
    }
}
