using System.Text;
using LakehouseManager.Dremio;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Pipeline.DataTests;

/// <summary>
/// The parameters <see cref="QueryEngineFactory"/> builds an engine from, as the build binds them. Only the ones of
/// the chosen <see cref="Kind"/> are needed. <see cref="ToString"/> never shows the PAT.
/// </summary>
public sealed record QueryEngineSettings
{
    public required QueryEngineKind Kind { get; init; }

    /// <summary><c>--catalog-path</c>: the local catalog file (local).</summary>
    public string? CatalogPath { get; init; }

    /// <summary><c>--project-id</c>: the Dremio Cloud project (dremio-cloud).</summary>
    public string? ProjectId { get; init; }

    /// <summary><c>--dremio-cloud-region</c>: <c>eu</c>/<c>emea</c> for EMEA, anything else US (dremio-cloud).</summary>
    public string? Region { get; init; }

    /// <summary><c>--dremio-url</c>: Dremio Software's URL (dremio).</summary>
    public string? DremioUrl { get; init; }

    /// <summary><c>--dremio-pat</c> / <c>DREMIO_PAT</c> (dremio-cloud, dremio). A secret.</summary>
    public string? Pat { get; init; }

    /// <summary><c>--repo-name</c>: the mirror repository's name, also the catalog's source name in Dremio SQL.</summary>
    public string? RepoName { get; init; }

    /// <summary>Polling and paging on Dremio; null for the defaults.</summary>
    public DremioQueryEngineOptions? DremioOptions { get; init; }

    /// <summary>The HTTP handler for Dremio (tests route it to a loopback fake); null for a real one.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>For the engine's own warnings (a failed cancel); null for none.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>
    /// The catalog's source name in Dremio SQL (<see cref="RepoName"/>, trimmed; null when not given): each Dremio query
    /// pins this source to the branch, and on the local catalog it lets names written for Dremio (<c>lake.shop.view</c>)
    /// resolve.
    /// </summary>
    public string? SourceName => string.IsNullOrWhiteSpace(RepoName) ? null : RepoName.Trim();

    // The compiler's ToString would print every property, the PAT included.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Kind = ").Append(Kind)
            .Append(", CatalogPath = ").Append(CatalogPath)
            .Append(", ProjectId = ").Append(ProjectId)
            .Append(", Region = ").Append(Region)
            .Append(", DremioUrl = ").Append(ShownUrl(DremioUrl))
            .Append(", Pat = ").Append(Pat is null ? string.Empty : Http.BearerToken.Mask)
            .Append(", RepoName = ").Append(RepoName);
        return true;
    }

    /// <summary>A URL with a user name or password in it is not shown (the endpoint refuses it anyway).</summary>
    private static string? ShownUrl(string? url) =>
        url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? "(a URL with credentials)"
            : url;
}
