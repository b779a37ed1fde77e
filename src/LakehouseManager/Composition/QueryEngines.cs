using LakehouseManager.Catalog.Local;
using LakehouseManager.DataTests;
using LakehouseManager.Dremio;
using LakehouseManager.Http;

namespace LakehouseManager.Composition;

/// <summary>
/// One entry per catalog kind: where its data-test queries run (design §5). Missing parameters are reported together,
/// each by its command-line flag; the PAT never appears in a message.
/// </summary>
internal static class QueryEngines
{

    public static async Task<IQueryEngine> CreateAsync(Lakehouse lakehouse, CancellationToken cancellationToken) =>
        lakehouse.Settings.Catalog switch
        {
            CatalogKind.Local => new LocalQueryEngine(await lakehouse.GetLocalCatalogAsync(cancellationToken).ConfigureAwait(false)),
            CatalogKind.DremioCloud or CatalogKind.Dremio => (await lakehouse.GetDremioAsync(cancellationToken).ConfigureAwait(false)).Engine,
            // A self-managed Nessie has no SQL engine of its own; a Dremio Software that reads it as a source is one.
            CatalogKind.Nessie when !string.IsNullOrWhiteSpace(lakehouse.Settings.DremioUrl) =>
                (await lakehouse.GetDremioAsync(cancellationToken).ConfigureAwait(false)).Engine,
            _ => throw new LakehouseException(
                "Data tests need a SQL engine and --catalog nessie has none: give --dremio-url and --catalog-name (a Dremio " +
                "Software that reads this Nessie as a source), or run them with --catalog dremio, --catalog dremio-cloud " +
                "or --catalog local."),
        };
}

/// <summary>One Dremio: its REST client and the SQL engine on it (data tests, SHOW CREATE VIEW, INFORMATION_SCHEMA).</summary>
internal sealed record DremioConnection(DremioClient Client, DremioQueryEngine Engine)
{
    /// <summary>Builds the connection of the settings' Dremio; the client is owned by <paramref name="lakehouse"/>.</summary>
    public static DremioConnection Create(Lakehouse lakehouse, string? pat)
    {
        var client = lakehouse.Own(DremioClients.Create(lakehouse.Settings with { DremioPat = pat }));
        return new DremioConnection(
            client,
            new DremioQueryEngine(
                client, lakehouse.Settings.SourceName!, lakehouse.Settings.DremioOptions, lakehouse.Logger<DremioQueryEngine>()));
    }
}

/// <summary>The Dremio connection of <c>--catalog dremio</c> and <c>--catalog dremio-cloud</c>.</summary>
internal static class DremioClients
{
    private const string PatFlags = "--dremio-pat (or the DREMIO_PAT environment variable), or --pat-secret-name";

    public static DremioClient Create(LakehouseSettings settings)
    {
        // --catalog nessie reaches Dremio Software only for data tests, through --dremio-url.
        var cloud = settings.Catalog == CatalogKind.DremioCloud;
        var missing = new List<string>();
        if (cloud && string.IsNullOrWhiteSpace(settings.ProjectId))
        {
            missing.Add("--project-id (the Dremio Cloud project's id)");
        }

        if (!cloud && string.IsNullOrWhiteSpace(settings.DremioUrl))
        {
            missing.Add("--dremio-url (e.g. https://dremio.example.com:9047)");
        }

        if (string.IsNullOrWhiteSpace(settings.DremioPat))
        {
            missing.Add($"the personal access token: {PatFlags}");
        }

        if (settings.SourceName is null)
        {
            missing.Add("--repo-name (the catalog's source name in Dremio defaults to it) or --catalog-name");
        }

        if (missing.Count > 0)
        {
            throw new LakehouseException(
                $"--catalog {CatalogAdapters.Flag(settings.Catalog)} is missing: {string.Join("; ", missing)}.");
        }

        // Both validate the format with messages that name the flag and never echo the token.
        var endpoint = !cloud ? DremioEndpoint.Software(settings.DremioUrl)
            : string.IsNullOrWhiteSpace(settings.DremioUrl) ? DremioEndpoint.Cloud(settings.ProjectId, settings.DremioCloudRegion)
            // Another API root for the project (a private endpoint, a loopback fake).
            : DremioEndpoint.CloudAt(settings.ProjectId, settings.DremioUrl);
        return new DremioClient(endpoint, new BearerToken(settings.DremioPat), settings.HttpHandler);
    }
}
