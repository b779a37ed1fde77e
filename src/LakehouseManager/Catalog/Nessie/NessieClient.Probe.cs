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
    /// The URL of an Iceberg REST configuration at the URL this client was given, or null when none answers. An Iceberg
    /// REST catalog answers <c>GET v1/config</c> with its ConfigResponse (<c>{"defaults":{...},"overrides":{...}}</c>),
    /// or, when it wants a warehouse or a token first, with its ErrorModel (<c>{"error":{"message","type","code"}}</c>):
    /// either shape says what is there. Never throws for what the server answers: it only tells why the Nessie calls
    /// found nothing.
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
                if (IsIcebergRestAnswer((int)status, text))
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

    /// <summary>
    /// The Iceberg REST spec's ConfigResponse (a success with the <c>defaults</c> and <c>overrides</c> maps) or its
    /// ErrorModel (an error whose <c>error</c> object holds <c>message</c>, <c>type</c> and <c>code</c>).
    /// </summary>
    internal static bool IsIcebergRestAnswer(int status, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (status is >= 200 and <= 299)
            {
                return root.TryGetProperty("defaults", out var defaults) && defaults.ValueKind == JsonValueKind.Object &&
                    root.TryGetProperty("overrides", out var overrides) && overrides.ValueKind == JsonValueKind.Object;
            }

            return root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object &&
                error.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String &&
                error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
