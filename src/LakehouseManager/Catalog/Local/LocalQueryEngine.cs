using System.Runtime.CompilerServices;
using LakehouseManager.DataTests;

namespace LakehouseManager.Catalog.Local;

/// <summary>
/// Runs data-test queries on the local catalog (design §5): the branch's views are instantiated in a SQLite connection
/// and the query runs there. A query the catalog rejects (an unknown view, a SQLite error) is a test error, not a fatal
/// one, so the other tests go on.
/// </summary>
internal sealed class LocalQueryEngine(LocalCatalog catalog) : IQueryEngine
{
    public string Description => catalog.Description;

    public async Task<IQueryCursor> ExecuteAsync(string sql, QueryVersion version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        try
        {
            var cursor = await catalog.OpenQueryAsync(version.Branch, sql, version.CommitHash, cancellationToken).ConfigureAwait(false);
            return new Cursor(cursor);
        }
        catch (CatalogException exception) when (exception.Kind == CatalogErrorKind.BadRequest)
        {
            throw new QueryFailedException(exception.Message, exception);
        }
    }

    /// <summary>Maps failures while reading rows the same way as failures while opening the query.</summary>
    private sealed class Cursor(LocalQueryCursor inner) : IQueryCursor
    {
        public IReadOnlyList<string> Columns => inner.Columns;

        public long? TotalRows => inner.TotalRows;

        public async IAsyncEnumerable<IReadOnlyList<object?>> ReadRowsAsync(
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var rows = inner.ReadRowsAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (rows.ConfigureAwait(false))
            {
                while (true)
                {
                    try
                    {
                        if (!await rows.MoveNextAsync().ConfigureAwait(false))
                        {
                            yield break;
                        }
                    }
                    catch (CatalogException exception) when (exception.Kind == CatalogErrorKind.BadRequest)
                    {
                        throw new QueryFailedException(exception.Message, exception);
                    }

                    yield return rows.Current;
                }
            }
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
