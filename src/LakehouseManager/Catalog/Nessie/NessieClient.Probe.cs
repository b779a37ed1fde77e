using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>
/// What answers at an endpoint that is not Nessie: an Iceberg REST catalog (Open Catalog, Apache Polaris) has no
/// branches, and the user is told so instead of a bare 404.
/// </summary>
internal sealed partial class NessieClient
{
    /// <summary>
    /// Where an Iceberg REST catalog's <c>GET v1/config</c> would be, relative to <see cref="NessieEndpoint.BaseUri"/>
    /// (which ends with <c>api/v2/</c>): under the URL the user gave, and under it without a trailing <c>/v1</c>.
    /// </summary>
    private static readonly string[] s_icebergRestConfigPaths = ["../../v1/config", "../../config"];

    /// <summary>
    /// The URL of an Iceberg REST configuration (<c>{"defaults":{...},"overrides":{...}}</c>, the REST catalog spec's
    /// <c>getConfig</c>) at the URL this client was given, or null when none answers. Never throws for what the server
    /// answers: it only tells why the Nessie calls found nothing.
    /// </summary>
    public async Task<Uri?> FindIcebergRestConfigAsync(CancellationToken cancellationToken = default)
    {
        if (Endpoint.IsArctic)
        {
            // Arctic's host serves only Nessie; Open Catalog lives elsewhere (catalog.dremio.cloud).
            return null;
        }

        foreach (var path in s_icebergRestConfigPaths)
        {
            var uri = Endpoint.Resolve(path);
            if (!uri.AbsolutePath.EndsWith("/v1/config", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                var (status, _, text) = await SendRawAsync(HttpMethod.Get, path, null, RetrySafety.SafeToRepeat,
                    "the Iceberg REST configuration", cancellationToken).ConfigureAwait(false);
                if ((int)status is >= 200 and <= 299 && IsIcebergRestConfig(text))
                {
                    return uri;
                }
            }
            catch (CatalogException)
            {
                // Nothing answers there: not an Iceberg REST catalog either.
            }
        }

        return null;
    }

    /// <summary>The Iceberg REST spec's ConfigResponse: an object with the <c>defaults</c> and <c>overrides</c> maps.</summary>
    internal static bool IsIcebergRestConfig(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object &&
                root.TryGetProperty("defaults", out var defaults) && defaults.ValueKind == JsonValueKind.Object &&
                root.TryGetProperty("overrides", out var overrides) && overrides.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
