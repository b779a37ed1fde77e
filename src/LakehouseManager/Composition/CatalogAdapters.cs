using LakehouseManager.Catalog.Views;

namespace LakehouseManager.Composition;

/// <summary>One entry per catalog kind: how its catalog and its view-SQL resolver are built (each in its own file).</summary>
internal static class CatalogAdapters
{
    public static Task<CatalogAdapter> CreateAsync(Lakehouse lakehouse, CancellationToken cancellationToken) =>
        lakehouse.Settings.Catalog switch
        {
            CatalogKind.Local => LocalAsync(lakehouse, cancellationToken),
            CatalogKind.Nessie => NessieCatalogAdapter.CreateAsync(lakehouse, cancellationToken),
            CatalogKind.Dremio => DremioCatalogAdapter.CreateAsync(lakehouse, cancellationToken),
            CatalogKind.DremioCloud => ArcticCatalogAdapter.CreateAsync(lakehouse, cancellationToken),
            var kind => throw new LakehouseException($"--catalog {Flag(kind)} is not a catalog kind of this version."),
        };

    /// <summary>The kind as the command line spells it: <c>local</c>, <c>nessie</c>, <c>dremio</c>, <c>dremio-cloud</c>.</summary>
    public static string Flag(CatalogKind kind) => kind switch
    {
        CatalogKind.DremioCloud => "dremio-cloud",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static async Task<CatalogAdapter> LocalAsync(Lakehouse lakehouse, CancellationToken cancellationToken)
    {
        var catalog = await LocalCatalogs.OpenExistingAsync(lakehouse.Settings, cancellationToken).ConfigureAwait(false);
        lakehouse.Own(catalog);
        return new CatalogAdapter(catalog, new ContentSqlTextResolver());
    }
}
