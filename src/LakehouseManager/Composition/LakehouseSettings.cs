using System.Text;
using LakehouseManager.Dremio;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Pipeline.Sync;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Composition;

/// <summary>
/// Everything the composition root (<see cref="Lakehouse"/>) builds the adapters from, as the build binds the
/// parameters (design §8). Only the settings of the chosen kinds are needed. <see cref="ToString"/> never shows a
/// secret.
/// </summary>
public sealed record LakehouseSettings
{
    /// <summary><c>--catalog</c>.</summary>
    public CatalogKind Catalog { get; init; } = Composition.CatalogKind.Local;

    /// <summary><c>--catalog-path</c>: the local catalog file.</summary>
    public string CatalogPath { get; init; } = LakehouseManager.Catalog.Local.LocalCatalog.DefaultPath;

    /// <summary><c>--project-id</c>: the Dremio Cloud project.</summary>
    public string? ProjectId { get; init; }

    /// <summary><c>--dremio-cloud-region</c>: <c>eu</c>/<c>emea</c> for EMEA, anything else US.</summary>
    public string? DremioCloudRegion { get; init; }

    /// <summary><c>--dremio-url</c>: Dremio Software's URL.</summary>
    public string? DremioUrl { get; init; }

    /// <summary><c>--dremio-pat</c> / <c>DREMIO_PAT</c>. A secret.</summary>
    public string? DremioPat { get; init; }

    /// <summary>
    /// <c>--repo-name</c>: the mirror repository's name, also the catalog's source name in Dremio SQL unless
    /// <see cref="CatalogName"/> says otherwise.
    /// </summary>
    public string? RepoName { get; init; }

    /// <summary><c>--catalog-name</c>: the catalog's source name in Dremio; defaults to <see cref="RepoName"/>.</summary>
    public string? CatalogName { get; init; }

    /// <summary>
    /// <c>--nessie-url</c>: the Nessie REST API (<c>--catalog nessie</c>); for <c>--catalog dremio</c> the Nessie server
    /// behind the source (found through Dremio when not given), for <c>--catalog dremio-cloud</c> instead of the Arctic
    /// endpoint.
    /// </summary>
    public string? NessieUrl { get; init; }

    /// <summary><c>--catalog-id</c>: the Arctic catalog's id (<c>--catalog dremio-cloud</c>).</summary>
    public string? CatalogId { get; init; }

    /// <summary><c>--nessie-token</c>: the Nessie server's bearer token when it is not the Dremio PAT. A secret.</summary>
    public string? NessieToken { get; init; }

    /// <summary>How many reads of view SQL run at once (catalog API calls, SHOW CREATE VIEW jobs, metadata files).</summary>
    public int ViewSqlParallelism { get; init; } = 8;

    /// <summary><c>--pr-host</c>.</summary>
    public PullRequestHostKind PullRequestHost { get; init; } = PullRequestHostKind.Local;

    /// <summary><c>--aws-region</c>; null: <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>.</summary>
    public string? AwsRegion { get; init; }

    /// <summary><c>--aws-endpoint-url</c>: one endpoint for every AWS service (a loopback fake, moto, a VPC endpoint).</summary>
    public string? AwsEndpointUrl { get; init; }

    /// <summary>Fixed AWS credentials (tests); null: AWSSDK.Core's default chain (environment, profile, CodeBuild's role).</summary>
    public Amazon.Runtime.AWSCredentials? AwsCredentials { get; init; }

    /// <summary>
    /// <c>--pat-secret-name</c>: the Secrets Manager secret whose JSON holds the Dremio PAT under <c>PAT</c>; read when
    /// <see cref="DremioPat"/> is not given.
    /// </summary>
    public string? PatSecretName { get; init; }

    /// <summary><c>--bot-arn</c>: the ARN the tool's CodeCommit comments carry (its role; any session matches).</summary>
    public string? BotArn { get; init; }

    /// <summary><c>--repo-path</c>: the mirror repository's checkout.</summary>
    public required string RepoPath { get; init; }

    /// <summary><c>--mirror-path</c>: the mirror folder inside the repository; empty for its root.</summary>
    public string MirrorPath { get; init; } = "";

    /// <summary><c>--remote</c>: the checkout's remote; a checkout without it works locally only.</summary>
    public string Remote { get; init; } = "origin";

    /// <summary><c>--from-ref</c>: the pull request's target branch, and where new branches start.</summary>
    public string FromRef { get; init; } = "main";

    /// <summary><c>--on-git-edit</c>.</summary>
    public OnGitEdit OnGitEdit { get; init; } = OnGitEdit.Keep;

    /// <summary><c>--allow-mass-delete</c>: a sync may remove all of the mirror, or most of a large one.</summary>
    public bool AllowMassDelete { get; init; }

    /// <summary><c>--adopt-existing</c>: a first sync makes the <c>*.sql</c> files it finds part of the mirror.</summary>
    public bool AdoptExisting { get; init; }

    /// <summary><c>--move-mirror</c>: a <c>--mirror-path</c> other than the recorded one moves the mirror there.</summary>
    public bool MoveMirror { get; init; }

    /// <summary>
    /// Other secrets of the run that no setting holds (e.g. AWS keys from the environment): masked, with the PAT and
    /// the credentials inside <see cref="DremioUrl"/>, in every file the tool writes, its log and its errors.
    /// </summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>Where reports and the delta are written (<c>artifacts/</c>).</summary>
    public required string ArtifactsDirectory { get; init; }

    /// <summary>Polling and paging on Dremio; null for the defaults.</summary>
    public DremioQueryEngineOptions? DremioOptions { get; init; }

    /// <summary>The HTTP handler for remote services (tests route it to loopback fakes); null for a real one.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>How git runs (identity, timeouts, clock); null for the defaults.</summary>
    public GitOptions? Git { get; init; }

    /// <summary>Where progress goes; null for nowhere.</summary>
    public ILoggerFactory? Loggers { get; init; }

    /// <summary>The clock; null for the system's.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>The catalog's source name in Dremio SQL: <see cref="CatalogName"/>, else <see cref="RepoName"/>.</summary>
    public string? SourceName =>
        !string.IsNullOrWhiteSpace(CatalogName) ? CatalogName.Trim()
        : string.IsNullOrWhiteSpace(RepoName) ? null : RepoName.Trim();

    // The compiler's ToString would print every property, the PAT included.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Catalog = ").Append(Catalog)
            .Append(", CatalogPath = ").Append(CatalogPath)
            .Append(", ProjectId = ").Append(ProjectId)
            .Append(", DremioCloudRegion = ").Append(DremioCloudRegion)
            .Append(", DremioUrl = ").Append(ShownUrl(DremioUrl))
            .Append(", DremioPat = ").Append(DremioPat is null ? string.Empty : Http.BearerToken.Mask)
            .Append(", RepoName = ").Append(RepoName)
            .Append(", CatalogName = ").Append(CatalogName)
            .Append(", NessieUrl = ").Append(ShownUrl(NessieUrl))
            .Append(", CatalogId = ").Append(CatalogId)
            .Append(", NessieToken = ").Append(NessieToken is null ? string.Empty : Http.BearerToken.Mask)
            .Append(", PullRequestHost = ").Append(PullRequestHost)
            .Append(", AwsRegion = ").Append(AwsRegion)
            .Append(", AwsEndpointUrl = ").Append(ShownUrl(AwsEndpointUrl))
            .Append(", PatSecretName = ").Append(PatSecretName)
            .Append(", BotArn = ").Append(BotArn)
            .Append(", RepoPath = ").Append(RepoPath)
            .Append(", MirrorPath = ").Append(MirrorPath);
        return true;
    }

    /// <summary>A URL with a user name, password, query or fragment in it is not shown (the endpoint refuses it anyway).</summary>
    private static string? ShownUrl(string? url) =>
        url is not null && Security.SecretRedactor.InUrl(url).Count > 0 ? "(a URL with credentials)" : url;
}
