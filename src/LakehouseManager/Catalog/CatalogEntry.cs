using LakehouseManager.Naming;

namespace LakehouseManager.Catalog;

/// <summary>
/// A view as the catalog lists it at some commit: its key, its content id, and where its SQL can be found. The
/// catalog does not promise the SQL text itself (Nessie keeps it in the Iceberg view metadata, or Dremio serves it):
/// that is the view-SQL port's job (<see cref="Views.IViewSqlResolver"/>).
/// </summary>
/// <param name="Key">The view's key.</param>
/// <param name="ContentId">The id that stays with the view when it is renamed (Nessie's content id); null when the
/// catalog has none.</param>
/// <param name="Content">What the catalog holds about the view's definition.</param>
public sealed record CatalogEntry(ContentKey Key, string? ContentId, ViewContent Content);

/// <summary>
/// What a catalog holds about a view's definition (Nessie's <c>ICEBERG_VIEW</c> content): the Iceberg view metadata
/// file, and the deprecated <c>sqlText</c> and <c>dialect</c>, which may hold the SQL or only Dremio's placeholder.
/// </summary>
public sealed record ViewContent(string? MetadataLocation, string? SqlText, string? Dialect)
{
    /// <summary>The dialect the embedded catalog gives its own SQL text, which is always the real definition.</summary>
    public const string LocalDialect = "LOCAL";

    /// <summary>Content whose SQL text is the definition itself (the embedded catalog's).</summary>
    public static ViewContent WithSql(string sql) => new(null, sql, LocalDialect);
}
