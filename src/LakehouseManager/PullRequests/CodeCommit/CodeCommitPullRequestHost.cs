using LakehouseManager.Aws;
using LakehouseManager.Aws.CodeCommit;

namespace LakehouseManager.PullRequests.CodeCommit;

/// <summary>
/// The pull-request port on AWS CodeCommit (api-facts §C.2): pull requests by id, their comments (paged, flattened
/// across the comment groups), posts and replies carrying an idempotency token (<c>clientRequestToken</c>). Every call
/// reads CodeCommit afresh. Errors name the repository, the pull request and what to check, never a credential.
/// </summary>
/// <remarks>
/// The tool's identity on CodeCommit is the ARN its comments carry: <c>--bot-arn</c>, usually the role of the
/// CodeBuild project (<c>arn:aws:iam::ACCOUNT:role/NAME</c>), which matches every session of that role
/// (<see cref="HostIdentity"/>). CodeCommit itself cannot say who the caller is, and STS speaks another protocol.
/// </remarks>
internal sealed partial class CodeCommitPullRequestHost : IPullRequestHost, IListsOpenPullRequests
{
    private readonly CodeCommitClient _client;
    private readonly string? _botArn;

    /// <param name="client">The CodeCommit client (not disposed here).</param>
    /// <param name="repositoryName"><c>--repo-name</c>: pull requests of other repositories are refused; null accepts any.</param>
    /// <param name="botArn"><c>--bot-arn</c>: the ARN the tool posts as; null when no comment command is handled.</param>
    public CodeCommitPullRequestHost(CodeCommitClient client, string? repositoryName, string? botArn)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        RepositoryName = string.IsNullOrWhiteSpace(repositoryName) ? null : repositoryName.Trim();
        _botArn = string.IsNullOrWhiteSpace(botArn) ? null : RequireArn(botArn.Trim());
    }

    /// <summary>The repository (<c>--repo-name</c>), or null.</summary>
    public string? RepositoryName { get; }

    public string Description =>
        RepositoryName is null ? $"CodeCommit at {_client.Endpoint.Authority}" : $"CodeCommit repository {RepositoryName}";

    public int MaxCommentLength => CodeCommitComment.MaxContentLength;

    public Task<HostIdentity> GetIdentityAsync(CancellationToken cancellationToken = default) =>
        _botArn is not null
            ? Task.FromResult(new HostIdentity(_botArn))
            : throw new LakehouseException(
                "Comment commands on CodeCommit need the tool's own identity, to ignore its own comments and find its " +
                "replies: pass --bot-arn (or set BOT_ARN) to the ARN it runs as, e.g. the CodeBuild project's role " +
                "arn:aws:iam::123456789012:role/lakehouse-manager (any session of the role matches).");

    public async Task<PullRequest> GetPullRequestAsync(PullRequestSelector selector, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var id = selector.Id;
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new LakehouseException(
                $"CodeCommit pull requests are named by their id: pass --pull-request-id (e.g. 42), not only the branches " +
                $"{selector.SourceBranch} → {selector.TargetBranch}.");
        }

        CodeCommitPullRequest raw;
        try
        {
            raw = await _client.GetPullRequestAsync(id.Trim(), cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.ErrorCode is "PullRequestDoesNotExistException" or "InvalidPullRequestIdException")
        {
            throw new LakehouseException(
                $"Pull request {id} does not exist in CodeCommit ({_client.Endpoint.Authority}, region {_client.Region}): " +
                "check --pull-request-id, --aws-region and the account of the credentials.",
                innerException: e);
        }

        var pullRequest = CodeCommitPullRequests.ToPort(raw, id.Trim());
        if (RepositoryName is not null && pullRequest.Repository != RepositoryName)
        {
            throw new LakehouseException(
                $"Pull request {id} belongs to CodeCommit repository '{pullRequest.Repository}', not to '{RepositoryName}' " +
                "(--repo-name): this pipeline handles its own repository only.");
        }

        if ((selector.SourceBranch is { } source && source != pullRequest.SourceBranch) ||
            (selector.TargetBranch is { } target && target != pullRequest.TargetBranch))
        {
            throw new LakehouseException(
                $"Pull request {id} is {pullRequest.SourceBranch} → {pullRequest.TargetBranch}, not " +
                $"{selector.SourceBranch} → {selector.TargetBranch} (--to-ref, --from-ref): leave those out or fix them.");
        }

        return pullRequest;
    }

    /// <summary>The open pull requests of <see cref="RepositoryName"/>, newest first.</summary>
    public async IAsyncEnumerable<PullRequest> ListOpenPullRequestsAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var repository = RepositoryName ?? throw new LakehouseException(
            "Listing the open pull requests needs the repository: pass --repo-name.");
        var request = new Aws.CodeCommit.Operations.ListPullRequestsRequest(repository) { PullRequestStatus = CodeCommitPullRequest.Open };
        await using var enumerator = _client.GetPullRequestIdsAsync(request, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (AwsServiceException e) when (e.ErrorCode == "RepositoryDoesNotExistException")
            {
                throw RepositoryMissing(repository, e);
            }

            yield return await GetPullRequestAsync(PullRequestSelector.ById(enumerator.Current), cancellationToken).ConfigureAwait(false);
        }
    }

    private LakehouseException RepositoryMissing(string repository, Exception inner) =>
        new($"CodeCommit repository '{repository}' (--repo-name) does not exist in region {_client.Region}.", innerException: inner);

    private static string RequireArn(string arn) =>
        arn.StartsWith("arn:", StringComparison.Ordinal) && arn.Split(':').Length >= 6
            ? arn
            : throw new LakehouseException(
                $"--bot-arn '{arn}' is not an ARN: expected e.g. arn:aws:iam::123456789012:role/lakehouse-manager.");
}
