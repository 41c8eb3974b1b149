using System.Data.Common;
using Npgsql;

namespace Analytics.Core.Data;

/// <summary>
/// The few fragments of Core's plain SQL that differ between SQLite and PostgreSQL. Both read JSON through
/// <c>json_extract</c> and <c>json_each</c> (functions of their own on PostgreSQL, see its Initial migration), but
/// PostgreSQL's <c>json_each</c> gives text, and it has no <c>CROSS JOIN … ON</c>.
/// </summary>
internal static class SqlDialect
{
    public static bool IsPostgres(DbConnection connection) => connection is NpgsqlConnection;

    /// <summary>A subquery of the ids in a JSON array parameter.</summary>
    public static string Ids(DbConnection connection, string parameter) => connection is NpgsqlConnection
        ? $"(SELECT value::bigint FROM json_each({parameter}))"
        : $"(SELECT value FROM json_each({parameter}))";

    /// <summary>Customers <c>c</c> of the ids in a JSON array parameter, the list driving the join.</summary>
    public static string CustomersOf(DbConnection connection, string parameter) => connection is NpgsqlConnection
        ? $"json_each({parameter}) k JOIN Customers c ON c.Id = k.value::bigint"
        : $"json_each({parameter}) k CROSS JOIN Customers c ON c.Id = k.value";
}
