using LakehouseManager.Dremio;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>
/// Where a Nessie REST API v2 lives (api-facts A.1, A.7): a self-managed server (<c>http://host:19120/api/v2</c>) or
/// an Arctic catalog on Dremio Cloud (<c>https://nessie[.eu].dremio.cloud/repositories/{catalogId}/api/v2</c>). Pure.
/// </summary>
internal sealed record NessieEndpoint
{
    /// <summary>The US Arctic host.</summary>
    public const string ArcticUsHost = "nessie.dremio.cloud";

    /// <summary>The EMEA Arctic host (the one the original tool used for <c>eu</c>/<c>emea</c>).</summary>
    public const string ArcticEmeaHost = "nessie.eu.dremio.cloud";

    private NessieEndpoint(Uri baseUri, string description, bool isArctic)
    {
        BaseUri = baseUri;
        Description = description;
        IsArctic = isArctic;
    }

    /// <summary>The API root, always ending with <c>/api/v2/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>For messages, e.g. "Nessie at localhost:19120" or "Arctic catalog 5f2a... (EMEA)".</summary>
    public string Description { get; }

    /// <summary>Whether this is an Arctic catalog's endpoint on Dremio Cloud (made by <see cref="Arctic"/>).</summary>
    public bool IsArctic { get; }

    /// <summary>
    /// A Nessie server at <paramref name="url"/> (<c>--nessie-url</c>): <c>http://host:19120</c> becomes
    /// <c>http://host:19120/api/v2/</c>; a URL that already ends with <c>/api/v2</c> (the Arctic form included) is kept;
    /// one ending with <c>/api/v1</c> is refused, since only API v2 is spoken.
    /// </summary>
    public static NessieEndpoint FromUrl(string? url)
    {
        const string Expected =
            "expected an absolute http or https URL such as http://localhost:19120/api/v2 or " +
            "https://nessie.dremio.cloud/repositories/<catalog-id>/api/v2";
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new LakehouseException($"--nessie-url is required for a Nessie catalog: {Expected}.");
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new LakehouseException($"--nessie-url '{url}' is not a valid Nessie URL: {Expected}.");
        }

        if (uri.UserInfo.Length > 0)
        {
            // Not echoed: the user info may hold a password.
            throw new LakehouseException(
                "--nessie-url must not contain a user name or password; pass the token with --dremio-pat or DREMIO_PAT.");
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new LakehouseException($"--nessie-url '{url}' must not have a query or fragment: {Expected}.");
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        if (path.EndsWith("/api/v1", StringComparison.OrdinalIgnoreCase))
        {
            throw new LakehouseException(
                $"--nessie-url '{url}' points at Nessie's API v1; this tool speaks API v2: use the same URL ending " +
                "with /api/v2.");
        }

        if (!path.EndsWith("/api/v2", StringComparison.OrdinalIgnoreCase))
        {
            path += "/api/v2";
        }

        var baseUri = new UriBuilder(uri) { Path = path + "/" }.Uri;
        return new NessieEndpoint(baseUri, $"Nessie at {baseUri.Authority}", isArctic: false);
    }

    /// <summary>
    /// An Arctic catalog on Dremio Cloud ("Classic"): <c>https://nessie.dremio.cloud/repositories/{id}/api/v2/</c>, or
    /// the <c>nessie.eu.dremio.cloud</c> host when <paramref name="region"/> is <c>eu</c> or <c>emea</c> (the original
    /// tool's rule, shared with <see cref="DremioEndpoint.IsEmeaRegion"/>).
    /// </summary>
    public static NessieEndpoint Arctic(string? catalogId, string? region)
    {
        if (string.IsNullOrWhiteSpace(catalogId))
        {
            throw new LakehouseException(
                "--catalog-id is required for an Arctic catalog: the catalog's id, a UUID such as " +
                "5f2a9c3e-1b7d-4c8e-9a6f-2d4b8e1c7a90 (the \"Catalog Endpoint\" in the catalog's settings).");
        }

        if (!Guid.TryParse(catalogId.Trim(), out var id))
        {
            throw new LakehouseException(
                $"--catalog-id '{catalogId}' is not an Arctic catalog id: expected a UUID such as " +
                "5f2a9c3e-1b7d-4c8e-9a6f-2d4b8e1c7a90, not the catalog's name.");
        }

        var emea = DremioEndpoint.IsEmeaRegion(region);
        var normalized = id.ToString("D");
        var host = emea ? ArcticEmeaHost : ArcticUsHost;
        return new NessieEndpoint(
            new Uri($"https://{host}/repositories/{normalized}/api/v2/"),
            $"Arctic catalog {normalized} ({(emea ? "EMEA" : "US")})",
            isArctic: true);
    }

    /// <summary>A path under the API root; the caller escapes each path parameter.</summary>
    public Uri Resolve(string relativePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        if (relativePath.StartsWith('/'))
        {
            throw new ArgumentException("The path must be relative to the API root (no leading '/').", nameof(relativePath));
        }

        return new Uri(BaseUri, relativePath);
    }
}
