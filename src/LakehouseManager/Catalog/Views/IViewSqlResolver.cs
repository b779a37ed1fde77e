namespace LakehouseManager.Catalog.Views;

/// <summary>
/// The view-SQL port (design §3): reads the SQL text of views the catalog listed at a commit. Adapters: the content's
/// own SQL text (the embedded catalog; Nessie's <c>sqlText</c> when it is real SQL), Dremio's catalog API, Dremio's
/// <c>SHOW CREATE VIEW</c>, and the Iceberg view metadata file. One view's failure is an
/// <see cref="ViewSql.Unresolved"/> result, never an exception; only a failure of the whole call (cancellation)
/// throws.
/// </summary>
public interface IViewSqlResolver
{
    /// <summary>A short description for messages, e.g. "Dremio catalog API".</summary>
    string Description { get; }

    /// <summary>
    /// One result per entry, in the same order: <see cref="ViewSql.Resolved"/> or <see cref="ViewSql.Unresolved"/>
    /// (an entry the catalog listed exists, so it is never <see cref="ViewSql.Missing"/> here).
    /// </summary>
    Task<IReadOnlyList<ViewSql>> ResolveAsync(
        string hash, IReadOnlyList<CatalogEntry> entries, CancellationToken cancellationToken = default);
}
