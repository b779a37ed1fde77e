using System.Runtime.CompilerServices;
using LakehouseManager.DataTests;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace LakehouseManager.Catalog.Local;

/// <summary>
/// The rows of a query at a branch, streamed from SQLite one row at a time (nothing is materialised). Owns its
/// connection, which holds the branch's views as TEMP views; dispose it to release both. Cancelling a read interrupts
/// the running SQLite statement.
/// </summary>
public sealed class LocalQueryCursor : IQueryCursor
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _command;
    private readonly SqliteDataReader _reader;
    private readonly string _branch;
    private readonly UserSqlGuard _guard;
    private bool _started;

    internal LocalQueryCursor(
        SqliteConnection connection, SqliteCommand command, SqliteDataReader reader, string branch, UserSqlGuard guard)
    {
        _connection = connection;
        _command = command;
        _reader = reader;
        _branch = branch;
        _guard = guard;
        Columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
    }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>Always null: SQLite does not know the row count before the rows are read.</summary>
    public long? TotalRows => null;

    /// <summary>The rows, in order; they can be enumerated once.</summary>
    public async IAsyncEnumerable<IReadOnlyList<object?>> ReadRowsAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (_started)
        {
            throw new InvalidOperationException("The rows of a local query can be read only once.");
        }

        _started = true;
        using var registration = cancellationToken.Register(Interrupt, _connection);
        while (true)
        {
            bool hasRow;
            try
            {
                hasRow = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException exception) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("The query was cancelled.", exception, cancellationToken);
            }
            catch (SqliteException exception)
            {
                throw QueryFailed(_branch, exception, _guard);
            }

            if (!hasRow)
            {
                yield break;
            }

            var row = new object?[_reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = SqliteCells.Read(_reader, i);
            }

            yield return row;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.DisposeAsync().ConfigureAwait(false);
        await _command.DisposeAsync().ConfigureAwait(false);
        _guard.Dispose();
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    internal static CatalogException QueryFailed(string branch, SqliteException exception, UserSqlGuard guard) =>
        guard.Explain(exception) is { } reason
            ? new(CatalogErrorKind.BadRequest, $"The query at branch '{branch}' was refused: {reason}.", exception)
            : new(CatalogErrorKind.BadRequest, $"The query at branch '{branch}' failed: {exception.Message}", exception);

    /// <summary>Stops the statement running on the connection: SQLite checks the flag between steps.</summary>
    internal static void Interrupt(object? connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            raw.sqlite3_interrupt(handle);
        }
    }
}
