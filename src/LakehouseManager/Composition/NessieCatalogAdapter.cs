using LakehouseManager.Catalog.Nessie;

namespace LakehouseManager.Composition;

/// <summary><c>--catalog nessie --nessie-url URL</c>: a self-managed Nessie; view SQL from the Iceberg metadata files.</summary>
internal static class NessieCatalogAdapter
{
    public static Task<CatalogAdapter> CreateAsync(Lakehouse lakehouse, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        var client = NessieConnections.Client(lakehouse, NessieEndpoint.FromUrl(lakehouse.Settings.NessieUrl));
        var catalog = new NessieCatalog(client);
        return Task.FromResult(new CatalogAdapter(catalog, ViewSqlResolvers.PlainNessie(lakehouse)));
    }
}
