using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Analytics.Core.Data;

/// <summary>
/// One prepared statement run once per row straight on SQLite's C API. Write loops of thousands of rows spend more in
/// ADO.NET's per-execute work (parameter lookup, a data reader per call) than in SQLite itself; this skips it.
/// Parameters are bound by position (1-based, as in the SQL).
/// </summary>
public sealed class SqliteRowWriter : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteRowWriter(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>A statement on the connection of <paramref name="transaction"/>, which must be SQLite's open one.</summary>
    public static SqliteRowWriter On(System.Data.Common.DbTransaction transaction, string sql) => new((SqliteConnection)transaction.Connection!, sql);

    public SqliteRowWriter Bind(int index, long value) => Checked(raw.sqlite3_bind_int64(_statement, index, value));

    public SqliteRowWriter Bind(int index, double value) => Checked(raw.sqlite3_bind_double(_statement, index, value));

    public SqliteRowWriter Bind(int index, string? value)
    {
        if (value is null) return Checked(raw.sqlite3_bind_null(_statement, index));
        // Short text is encoded on the stack (the string overload allocates an array per call). SQLite copies it. An
        // empty span would bind NULL, so the empty string keeps the string overload.
        if (value.Length is 0 or > MaxStackChars) return Checked(raw.sqlite3_bind_text(_statement, index, value));
        Span<byte> utf8 = stackalloc byte[MaxStackChars * 3];
        var length = System.Text.Encoding.UTF8.GetBytes(value, utf8);
        return Checked(raw.sqlite3_bind_text(_statement, index, utf8[..length]));
    }

    private const int MaxStackChars = 512;

    /// <summary>Runs the statement with the values bound so far; bound values stay for the next row.</summary>
    public void Execute(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE) throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
    }

    /// <summary>Runs a statement that returns one integer (an <c>INSERT … RETURNING Id</c>) and gives it back.</summary>
    public long ExecuteScalarInt64(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var rc = raw.sqlite3_step(_statement);
        var value = rc == raw.SQLITE_ROW ? raw.sqlite3_column_int64(_statement, 0) : 0;
        // Stepping on to the end completes the statement before the reset, as SQLite asks for RETURNING.
        while (rc == raw.SQLITE_ROW) rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE) throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
        return value;
    }

    public void Dispose() => _statement.Dispose();

    private SqliteRowWriter Checked(int rc)
    {
        Check(rc);
        return this;
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
    }
}
