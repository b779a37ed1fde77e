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

    /// <summary><c>--dremio-pat</c> / <c>DREMIO_PAT</c> / the secret's <c>PAT</c> (dremio-cloud, dremio). A secret.</summary>
    public string? Pat { get; init; }

    /// <summary>
    /// The catalog's source name in Dremio SQL, which each query pins to the branch; null for <see cref="RepoName"/>.
    /// On the local catalog it lets names written for Dremio (<c>source.shop.view</c>) resolve.
    /// </summary>
    public string? CatalogSource { get; init; }

    /// <summary><c>--repo-name</c>: the repository's name, the default catalog source name.</summary>
    public string? RepoName { get; init; }

    /// <summary>Polling and paging on Dremio; null for the defaults.</summary>
    public DremioQueryEngineOptions? DremioOptions { get; init; }

    /// <summary>The HTTP handler for Dremio (tests route it to a loopback fake); null for a real one.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>For the engine's own warnings (a failed cancel); null for none.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The source name to use: <see cref="CatalogSource"/>, else <see cref="RepoName"/>, else null.</summary>
    public string? EffectiveCatalogSource =>
        !string.IsNullOrWhiteSpace(CatalogSource) ? CatalogSource.Trim()
        : !string.IsNullOrWhiteSpace(RepoName) ? RepoName.Trim()
        : null;

    // The compiler's ToString would print every property, the PAT included.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Kind = ").Append(Kind)
            .Append(", CatalogPath = ").Append(CatalogPath)
            .Append(", ProjectId = ").Append(ProjectId)
            .Append(", Region = ").Append(Region)
            .Append(", DremioUrl = ").Append(ShownUrl(DremioUrl))
            .Append(", Pat = ").Append(Pat is null ? string.Empty : Http.BearerToken.Mask)
            .Append(", CatalogSource = ").Append(EffectiveCatalogSource);
        return true;
    }

    /// <summary>A URL with a user name or password in it is not shown (the endpoint refuses it anyway).</summary>
    private static string? ShownUrl(string? url) =>
        url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? "(a URL with credentials)"
            : url;
}
