namespace Analytics.Core.Data;

/// <summary>Where the data lives (section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>Postgres</c> (several nodes on one server).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>An ADO.NET connection string; a relative SQLite path is taken from the app's content root.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/analytics.db";

    public bool UsesPostgres() => Provider.Equals(Postgres, StringComparison.OrdinalIgnoreCase);

    public bool IsKnownProvider() => UsesPostgres() || Provider.Equals(Sqlite, StringComparison.OrdinalIgnoreCase);
}
