namespace Analytics.Core.Data;

/// <summary>Where the data lives (section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (the embedded default).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>An ADO.NET connection string; a relative SQLite path is taken from the app's content root.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/analytics.db";
}
