namespace LakehouseManager.DataTests;

/// <summary>
/// Runs one SQL query against a catalog branch (design §5). Adapters: Local (the branch's views instantiated in SQLite)
/// and Dremio (the SQL API, with <c>references</c> pinning the catalog source to the branch).
/// </summary>
public interface IQueryEngine
{
    /// <summary>A short description for reports, e.g. "local catalog" or "Dremio Cloud (EMEA)".</summary>
    string Description { get; }

    /// <summary>
    /// Submits the query at the version (the branch, pinned to a commit when one is given) and waits until its rows
    /// can be read. A query that fails raises <see cref="QueryFailedException"/> carrying the engine's message.
    /// Cancelling the token cancels the query on the engine (a Dremio job is cancelled), which is how a test timeout
    /// stops a hung query.
    /// </summary>
    Task<IQueryCursor> ExecuteAsync(string sql, QueryVersion version, CancellationToken cancellationToken = default);
}

/// <summary>
/// The rows of a finished query, read lazily page by page: a reader that needs ten rows never loads a million.
/// Cells are normalised to null, bool, long, double, decimal or string.
/// </summary>
public interface IQueryCursor : IAsyncDisposable
{
    /// <summary>Column names, in order.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>The total row count when the engine knows it without reading the rows (Dremio does), else null.</summary>
    long? TotalRows { get; }

    /// <summary>The rows in order; each row's cells line up with <see cref="Columns"/>.</summary>
    IAsyncEnumerable<IReadOnlyList<object?>> ReadRowsAsync(CancellationToken cancellationToken = default);
}

/// <summary>A query the engine rejected or failed (Dremio FAILED or CANCELED): a test error, not a fatal error.</summary>
internal sealed class QueryFailedException : LakehouseException
{
    public QueryFailedException(string message, Exception? innerException = null)
        : base(message, isFatal: false, innerException)
    {
    }
}
