namespace LakehouseManager.Catalog.Views;

/// <summary>
/// Resolves a view from the SQL text its catalog content carries: always the definition for the embedded catalog, and
/// for Nessie only when it is real SQL. Dremio writes a placeholder into Nessie's deprecated <c>sqlText</c> ("Actual
/// view text is stored in Iceberg ViewMetadata in storage", dialect <c>ICEBERG_METADATA</c>): that is never mirrored.
/// </summary>
internal sealed class ContentSqlTextResolver : IViewSqlResolver
{
    public string Description => "the SQL text in the catalog's content";

    public Task<IReadOnlyList<ViewSql>> ResolveAsync(
        string hash, IReadOnlyList<CatalogEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        IReadOnlyList<ViewSql> results = [.. entries.Select(Resolve)];
        return Task.FromResult(results);
    }

    /// <summary>Whether the content's SQL text is a real definition (not empty, not Dremio's placeholder).</summary>
    public static bool HoldsRealSql(ViewContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return !string.IsNullOrWhiteSpace(content.SqlText) && !NessieSqlText.IsPlaceholder(content.SqlText, content.Dialect);
    }

    private static ViewSql Resolve(CatalogEntry entry) =>
        HoldsRealSql(entry.Content)
            ? new ViewSql.Resolved(entry.Key, entry.Content.SqlText!)
            : new ViewSql.Unresolved(
                entry.Key,
                entry.Content.SqlText is null
                    ? "the catalog holds no SQL text for it"
                    : "the catalog holds only Dremio's placeholder text for it, not the view's SQL");
}
