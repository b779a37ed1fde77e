using LakehouseManager.Catalog.Nessie;

namespace LakehouseManager.Composition;

/// <summary>
/// <c>--catalog dremio-cloud --project-id ... --catalog-id ... --dremio-cloud-region ...</c>: an Arctic catalog of
/// Dremio Cloud ("Classic"). Nessie calls go to <c>https://nessie[.eu].dremio.cloud/repositories/{catalog-id}/api/v2</c>
/// (or <c>--nessie-url</c>) with the Dremio PAT; Dremio Cloud serves the view SQL and the data tests.
/// </summary>
internal static class ArcticCatalogAdapter
{
    public static async Task<CatalogAdapter> CreateAsync(Lakehouse lakehouse, CancellationToken cancellationToken)
    {
        var settings = lakehouse.Settings;

        // The Dremio side first: it names every missing setting (project, PAT, source) in one message.
        var dremio = await lakehouse.GetDremioAsync(cancellationToken).ConfigureAwait(false);
        var endpoint = string.IsNullOrWhiteSpace(settings.NessieUrl)
            ? NessieEndpoint.Arctic(settings.CatalogId, settings.DremioCloudRegion)
            : NessieEndpoint.FromUrl(settings.NessieUrl);
        var catalog = new NessieCatalog(NessieConnections.Client(lakehouse, endpoint));
        return new CatalogAdapter(catalog, ViewSqlResolvers.ServedByDremio(lakehouse, dremio, catalog));
    }
}
