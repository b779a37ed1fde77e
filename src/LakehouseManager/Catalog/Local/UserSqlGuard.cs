using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace LakehouseManager.Catalog.Local;

/// <summary>
/// A SQLite authorizer installed on a catalog connection while user SQL (a front-door statement, a query, a view's
/// text) is compiled and run. Checking tokens cannot see every way SQL names a table (<c>'_lh_entries'</c> as a string,
/// <c>[_lh_entries]</c>, a trigger's body), but SQLite reports every table a compiled statement touches to the
/// authorizer, so this is where the catalog's own tables are protected. It denies reading or writing tables whose name
/// starts with <see cref="LocalCatalogSchema.ReservedPrefix"/>, ATTACH, DETACH and PRAGMA, and on the query path any
/// write. The catalog's own statements run on the same connection outside the guard.
/// </summary>
internal sealed class UserSqlGuard : IDisposable
{
    private readonly sqlite3 _handle;
    private readonly bool _queryOnly;

    // Held here so the delegate lives as long as SQLite may call it.
    private readonly strdelegate_authorizer _authorizer;
    private bool _removed;

    private UserSqlGuard(sqlite3 handle, bool queryOnly)
    {
        _handle = handle;
        _queryOnly = queryOnly;
        _authorizer = Authorize;
        raw.sqlite3_set_authorizer(_handle, _authorizer, null);
    }

    /// <summary>Why the last statement was refused, or null when the guard refused nothing.</summary>
    public string? Denial { get; private set; }

    /// <summary>Installs the guard until it is disposed.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="queryOnly">Whether only queries may run: then INSERT, UPDATE and DELETE are refused too.</param>
    public static UserSqlGuard Install(SqliteConnection connection, bool queryOnly)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        return new UserSqlGuard(handle, queryOnly);
    }

    /// <summary>The guard's reason when the error is its refusal, else null (the error is SQLite's own).</summary>
    public string? Explain(SqliteException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.SqliteErrorCode == raw.SQLITE_AUTH ? Denial : null;
    }

    public void Dispose()
    {
        if (_removed)
        {
            return;
        }

        _removed = true;
        if (!_handle.IsInvalid)
        {
            raw.sqlite3_set_authorizer(_handle, (strdelegate_authorizer)null!, null);
        }
    }

    private int Authorize(object userData, int action, string? first, string? second, string? database, string? view)
    {
        var reason = action switch
        {
            raw.SQLITE_ATTACH => "ATTACH is not allowed: the local catalog's SQL works on the catalog file only",
            raw.SQLITE_DETACH => "DETACH is not allowed: the local catalog's SQL works on the catalog file only",
            raw.SQLITE_PRAGMA => $"PRAGMA {first} is not allowed in the local catalog's SQL",
            _ => TableOf(action, first, second) is { } table ? CheckTable(action, table) : null,
        };
        if (reason is null)
        {
            return raw.SQLITE_OK;
        }

        Denial = reason;
        return raw.SQLITE_DENY;
    }

    private string? CheckTable(int action, string table)
    {
        if (table.StartsWith(LocalCatalogSchema.ReservedPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return $"the table '{table}' is reserved for the catalog: names starting with " +
                $"'{LocalCatalogSchema.ReservedPrefix}' are the local catalog's own tables";
        }

        return _queryOnly && action is raw.SQLITE_INSERT or raw.SQLITE_UPDATE or raw.SQLITE_DELETE
            ? $"the statement writes to '{table}', but only queries (SELECT, WITH ... SELECT, VALUES) run here"
            : null;
    }

    /// <summary>The table an action reads or changes (SQLite passes it first, or second after an index or trigger).</summary>
    private static string? TableOf(int action, string? first, string? second) => action switch
    {
        raw.SQLITE_READ or raw.SQLITE_INSERT or raw.SQLITE_UPDATE or raw.SQLITE_DELETE or
            raw.SQLITE_CREATE_TABLE or raw.SQLITE_CREATE_TEMP_TABLE or raw.SQLITE_DROP_TABLE or raw.SQLITE_DROP_TEMP_TABLE or
            raw.SQLITE_ANALYZE or raw.SQLITE_CREATE_VTABLE or raw.SQLITE_DROP_VTABLE => first,
        raw.SQLITE_CREATE_INDEX or raw.SQLITE_CREATE_TEMP_INDEX or raw.SQLITE_DROP_INDEX or raw.SQLITE_DROP_TEMP_INDEX or
            raw.SQLITE_CREATE_TRIGGER or raw.SQLITE_CREATE_TEMP_TRIGGER or raw.SQLITE_DROP_TRIGGER or
            raw.SQLITE_DROP_TEMP_TRIGGER or raw.SQLITE_ALTER_TABLE => second,
        _ => null,
    };
}
