using LakehouseManager.Catalog.Nessie;
using LakehouseManager.Dremio;

namespace LakehouseManager.Composition;

/// <summary>
/// <c>--catalog dremio --dremio-url URL --catalog-name SOURCE</c>: a Nessie source of Dremio Software. The catalog calls
/// go to the Nessie server behind the source (<c>--nessie-url</c>, or the one the source's configuration names, read
/// through Dremio's catalog API); Dremio serves the view SQL and the data tests.
/// </summary>
internal static class DremioCatalogAdapter
{
    public static async Task<CatalogAdapter> CreateAsync(Lakehouse lakehouse, CancellationToken cancellationToken)
    {
        var settings = lakehouse.Settings;
        var dremio = await lakehouse.GetDremioAsync(cancellationToken).ConfigureAwait(false);
        var source = settings.SourceName!;
        var url = string.IsNullOrWhiteSpace(settings.NessieUrl)
            ? await DiscoverAsync(dremio.Client, source, cancellationToken).ConfigureAwait(false)
            : settings.NessieUrl;
        var client = NessieConnections.Client(lakehouse, NessieEndpoint.FromUrl(url));
        var catalog = new NessieCatalog(
            client, $"{client.Endpoint.Description} (source '{source}' of {dremio.Client.Endpoint.Description})");
        return new CatalogAdapter(catalog, ViewSqlResolvers.ServedByDremio(lakehouse, dremio, catalog));
    }

    /// <summary>The Nessie server the source's configuration names (<c>config.nessieEndpoint</c>).</summary>
    private static async Task<string> DiscoverAsync(DremioClient client, string source, CancellationToken cancellationToken)
    {
        var found = await client.GetSourceAsync(source, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            throw new LakehouseException(
                $"{client.Endpoint.Description} has no source '{source}' (--catalog-name, else --repo-name): give the name " +
                "of the Nessie source as Dremio shows it, or its Nessie server with --nessie-url.");
        }

        if (!found.IsNessie)
        {
            throw new LakehouseException(
                $"Source '{source}' of {client.Endpoint.Description} is a {found.Type ?? "source of unknown type"} source, not " +
                $"a Nessie source, so it has no branches. {BranchlessCatalog.CatalogsWithBranches}.");
        }

        return found.NessieEndpoint is { Length: > 0 } url
            ? url
            : throw new LakehouseException(
                $"Source '{source}' of {client.Endpoint.Description} does not show its Nessie server: pass it with --nessie-url " +
                "(e.g. http://nessie:19120/api/v2).");
    }
}
