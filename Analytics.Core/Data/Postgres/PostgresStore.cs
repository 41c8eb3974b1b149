using Microsoft.EntityFrameworkCore;

namespace Analytics.Core.Data.Postgres;

/// <summary>
/// How the context talks to PostgreSQL. Its migrations live in their own assembly (the SQLite ones stay in Core), and
/// every table and column name is lower case there, so the plain SQL that Core shares between the providers can name
/// them unquoted (PostgreSQL folds unquoted names to lower case).
/// </summary>
public static class PostgresStore
{
    public const string MigrationsAssembly = "Analytics.Migrations.Postgres";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly));

    /// <summary>Lower-cases every table, column, key, foreign key and index name of the model.</summary>
    internal static void UseLowerCaseNames(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is { } table) entity.SetTableName(table.ToLowerInvariant());
            foreach (var property in entity.GetProperties())
            {
                // An owned type's key shares its owner's key column, which is named with the owner.
                if (entity.IsOwned() && property.IsPrimaryKey()) continue;
                property.SetColumnName(property.GetColumnName().ToLowerInvariant());
            }
            foreach (var key in entity.GetKeys())
                if (key.GetName() is { } name) key.SetName(name.ToLowerInvariant());
            foreach (var foreignKey in entity.GetForeignKeys())
                if (foreignKey.GetConstraintName() is { } name) foreignKey.SetConstraintName(name.ToLowerInvariant());
            foreach (var index in entity.GetIndexes())
                if (index.GetDatabaseName() is { } name) index.SetDatabaseName(name.ToLowerInvariant());
        }
    }
}
