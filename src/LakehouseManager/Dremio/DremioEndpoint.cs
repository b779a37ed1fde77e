using System.Globalization;

namespace LakehouseManager.Dremio;

/// <summary>
/// Where Dremio's REST API lives (api-facts B.1) and the paths of the SQL and job calls under it. Pure: no I/O.
/// </summary>
internal sealed record DremioEndpoint
{
    /// <summary>The US control plane's API root.</summary>
    public static readonly Uri CloudUsRoot = new("https://api.dremio.cloud/v0/");

    /// <summary>The EMEA control plane's API root.</summary>
    public static readonly Uri CloudEmeaRoot = new("https://api.eu.dremio.cloud/v0/");

    private DremioEndpoint(DremioDeployment deployment, Uri baseUri, string? projectId, bool customRoot = false)
    {
        Deployment = deployment;
        BaseUri = baseUri;
        ProjectId = projectId;
        _customRoot = customRoot;
    }

    private readonly bool _customRoot;

    public DremioDeployment Deployment { get; }

    /// <summary>The root that the relative paths resolve against; always ends with <c>/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The Dremio Cloud project id (a lower-case UUID); null for Dremio Software.</summary>
    public string? ProjectId { get; }

    /// <summary>
    /// Whether POSTs accept the <c>requestId</c> idempotency key (api-facts B.1: documented for Dremio Cloud only).
    /// </summary>
    public bool SupportsRequestId => Deployment != DremioDeployment.Software;

    /// <summary>For reports and errors, e.g. "Dremio Cloud (EMEA)" or "Dremio Software at dremio.example.com:9047".</summary>
    public string Description => _customRoot ? $"Dremio Cloud at {BaseUri.Authority}" : Deployment switch
    {
        DremioDeployment.CloudUs => "Dremio Cloud (US)",
        DremioDeployment.CloudEmea => "Dremio Cloud (EMEA)",
        _ => $"Dremio Software at {BaseUri.Authority}",
    };

    /// <summary>
    /// Dremio Cloud: <c>https://api[.eu].dremio.cloud/v0/projects/{projectId}/</c>. The region rule is the original
    /// tool's: <c>eu</c> or <c>emea</c> in any case means EMEA; anything else, empty included, means US.
    /// </summary>
    public static DremioEndpoint Cloud(string? projectId, string? region)
    {
        if (string.IsNullOrWhiteSpace(projectId))
        {
            throw new LakehouseException(
                "--project-id is required for Dremio Cloud: the project's id, a UUID such as " +
                "48ca6975-39ad-47cb-9bb5-de73060380f6 (Project Settings in Dremio Cloud).");
        }

        if (!Guid.TryParse(projectId.Trim(), out var id))
        {
            throw new LakehouseException(
                $"--project-id '{projectId}' is not a Dremio Cloud project id: expected a UUID such as " +
                "48ca6975-39ad-47cb-9bb5-de73060380f6 (Project Settings in Dremio Cloud), not the project's name.");
        }

        var emea = IsEmeaRegion(region);
        var normalized = id.ToString("D", CultureInfo.InvariantCulture);
        var root = emea ? CloudEmeaRoot : CloudUsRoot;
        return new DremioEndpoint(
            emea ? DremioDeployment.CloudEmea : DremioDeployment.CloudUs,
            new Uri(root, $"projects/{normalized}/"),
            normalized);
    }

    /// <summary>
    /// A Dremio Cloud project behind another API root than the region's (<c>--dremio-url</c> with
    /// <c>--catalog dremio-cloud</c>: a private endpoint, or a loopback fake): <c>{apiUrl}/v0/projects/{projectId}/</c>
    /// (a URL that already ends with <c>/v0</c> is kept).
    /// </summary>
    public static DremioEndpoint CloudAt(string? projectId, string apiUrl)
    {
        var project = Cloud(projectId, region: null).ProjectId!;
        var software = Software(apiUrl);
        var root = software.BaseUri.AbsolutePath[..^"api/v3/".Length].TrimEnd('/');
        if (!root.EndsWith("/v0", StringComparison.OrdinalIgnoreCase))
        {
            root += "/v0";
        }

        var baseUri = new UriBuilder(software.BaseUri) { Path = $"{root}/projects/{project}/" }.Uri;
        return new DremioEndpoint(DremioDeployment.CloudUs, baseUri, project, customRoot: true);
    }

    /// <summary>
    /// Dremio Software: <c>https://host:9047</c> becomes <c>https://host:9047/api/v3/</c>. A URL that already ends with
    /// <c>/api/v3</c> is kept; another path (a reverse proxy prefix) gets <c>api/v3/</c> appended.
    /// </summary>
    public static DremioEndpoint Software(string? url)
    {
        const string Expected = "expected an absolute http or https URL such as https://dremio.example.com:9047";
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new LakehouseException($"--dremio-url is required for Dremio Software: {Expected}.");
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new LakehouseException($"--dremio-url {Shown(url)} is not a valid Dremio URL: {Expected}.");
        }

        if (uri.UserInfo.Length > 0)
        {
            // The URL is not echoed: its user info may hold a password.
            throw new LakehouseException(
                "--dremio-url must not contain a user name or password; pass the personal access token with " +
                "--dremio-pat or DREMIO_PAT.");
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new LakehouseException(
                $"--dremio-url {Shown(url)} must not have a query or fragment (they may hold a token, so they are not " +
                $"shown; pass the personal access token with --dremio-pat or DREMIO_PAT): {Expected}.");
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        if (!path.EndsWith("/api/v3", StringComparison.OrdinalIgnoreCase))
        {
            path += "/api/v3";
        }

        var baseUri = new UriBuilder(uri) { Path = path + "/" }.Uri;
        return new DremioEndpoint(DremioDeployment.Software, baseUri, projectId: null);
    }

    /// <summary>
    /// The URL as an error may quote it: never its user name, password, query or fragment, where a token may hide
    /// (each shown as <c>***</c>); a value that is not a URL at all is quoted only when it has no such place.
    /// </summary>
    private static string Shown(string url)
    {
        var text = url.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return text.IndexOfAny(['@', '?', '#', '&', '=']) < 0 ? $"'{text}'" : "(not shown: it may hold a secret)";
        }

        var user = uri.UserInfo.Length > 0 ? "***@" : string.Empty;
        var query = uri.Query.Length > 0 ? "?***" : string.Empty;
        var fragment = uri.Fragment.Length > 0 ? "#***" : string.Empty;
        return $"'{uri.Scheme}://{user}{uri.Authority}{uri.AbsolutePath}{query}{fragment}'";
    }

    /// <summary>The original tool's rule: <c>eu</c> or <c>emea</c>, in any case, and nothing else, means EMEA.</summary>
    public static bool IsEmeaRegion(string? region) =>
        string.Equals(region, "eu", StringComparison.OrdinalIgnoreCase) ||
        string.Equals(region, "emea", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>POST sql</c>: submit a query.</summary>
    public Uri Sql => Resolve("sql");

    /// <summary><c>GET job/{id}</c>: a job's status.</summary>
    public Uri Job(string jobId) => Resolve($"job/{Escape(jobId)}");

    /// <summary><c>GET job/{id}/results?offset=&amp;limit=</c>: a page of a completed job's rows.</summary>
    public Uri JobResults(string jobId, long offset, int limit) =>
        Resolve(string.Create(
            CultureInfo.InvariantCulture, $"job/{Escape(jobId)}/results?offset={offset}&limit={limit}"));

    /// <summary><c>POST job/{id}/cancel</c>: cancel a running job.</summary>
    public Uri JobCancel(string jobId) => Resolve($"job/{Escape(jobId)}/cancel");

    /// <summary>
    /// Any other API path under the root (e.g. <c>catalog/by-path/...</c>); the caller escapes path segments.
    /// </summary>
    public Uri Resolve(string relativePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        if (relativePath.StartsWith('/'))
        {
            throw new ArgumentException("The path must be relative to the API root (no leading '/').", nameof(relativePath));
        }

        return new Uri(BaseUri, relativePath);
    }

    private static string Escape(string jobId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        return Uri.EscapeDataString(jobId);
    }
}
