using LakehouseManager.Catalog.Local;
using LakehouseManager.Dremio;
using LakehouseManager.Http;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Pipeline.DataTests;

/// <summary>
/// Builds the data-test engine from the build's parameters (design §8): the local catalog, Dremio Cloud or Dremio
/// Software. Missing parameters are reported together, each by its command-line flag; the PAT never appears in a
/// message.
/// </summary>
public static class QueryEngineFactory
{
    private const string PatFlags = "--dremio-pat (or the DREMIO_PAT environment variable)";

    /// <summary>Opens the engine; dispose the handle when done.</summary>
    public static async Task<QueryEngineHandle> CreateAsync(
        QueryEngineSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Kind switch
        {
            QueryEngineKind.Local => await CreateLocalAsync(settings, cancellationToken).ConfigureAwait(false),
            QueryEngineKind.DremioCloud or QueryEngineKind.DremioSoftware => CreateDremio(settings),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Kind, "Unknown engine kind."),
        };
    }

    private static async Task<QueryEngineHandle> CreateLocalAsync(QueryEngineSettings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.CatalogPath))
        {
            throw new LakehouseException(
                $"--catalog local needs --catalog-path: the local catalog file (by default {LocalCatalog.DefaultPath}).");
        }

        // Opening creates a missing file; for tests that would be an empty catalog where every query fails, so a
        // wrong path is said as such.
        if (!File.Exists(settings.CatalogPath))
        {
            throw new LakehouseException(
                $"The local catalog '{settings.CatalogPath}' (--catalog-path) does not exist; check the path, or create " +
                "the catalog first (e.g. with the demo).");
        }

        var catalog = await LocalCatalog.OpenAsync(
            settings.CatalogPath, new LocalCatalogOptions { SourceName = settings.SourceName }, cancellationToken)
            .ConfigureAwait(false);
        return new QueryEngineHandle(new LocalQueryEngine(catalog), QueryEngineKind.Local, catalog);
    }

    private static QueryEngineHandle CreateDremio(QueryEngineSettings settings)
    {
        var cloud = settings.Kind == QueryEngineKind.DremioCloud;
        var missing = new List<string>();
        if (cloud && string.IsNullOrWhiteSpace(settings.ProjectId))
        {
            missing.Add("--project-id (the Dremio Cloud project's id)");
        }

        if (!cloud && string.IsNullOrWhiteSpace(settings.DremioUrl))
        {
            missing.Add("--dremio-url (e.g. https://dremio.example.com:9047)");
        }

        if (string.IsNullOrWhiteSpace(settings.Pat))
        {
            missing.Add($"the personal access token: {PatFlags}");
        }

        if (settings.SourceName is null)
        {
            missing.Add("--repo-name (the catalog's source name in Dremio defaults to it)");
        }

        if (missing.Count > 0)
        {
            throw new LakehouseException(
                $"--catalog {(cloud ? "dremio-cloud" : "dremio")} is missing: {string.Join("; ", missing)}.");
        }

        // Both validate the format with messages that name the flag and never echo the token.
        var endpoint = cloud ? DremioEndpoint.Cloud(settings.ProjectId, settings.Region) : DremioEndpoint.Software(settings.DremioUrl);
        var token = new BearerToken(settings.Pat);
        var client = new DremioClient(endpoint, token, settings.HttpHandler);
        try
        {
            var engine = new DremioQueryEngine(
                client,
                settings.SourceName!,
                settings.DremioOptions,
                settings.LoggerFactory?.CreateLogger<DremioQueryEngine>());
            return new QueryEngineHandle(engine, settings.Kind, client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
