using LakehouseManager.Mirror;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Naming;

namespace LakehouseManager.PullRequests.Local;

/// <summary>
/// The git-only pull-request host (design §6): a pull request is a pair of branches in the mirror repository, the
/// source (<c>--to-ref</c>) into the target (<c>--from-ref</c>), and its comments are markdown files under a reports
/// folder, one folder per pull request. It prints nothing: the caller prints what it posts.
/// </summary>
/// <remarks>
/// Branches are read from the remote-tracking refs after a fetch when the repository has the remote (that is what
/// was pushed and reviewed), else from the local branches, so it also works in a repository with no remote at all.
/// </remarks>
public sealed partial class LocalPullRequestHost : IPullRequestHost
{
    /// <summary>CodeCommit's limit, so that reports are cut the same way as on the real host.</summary>
    public const int DefaultMaxCommentLength = 10_240;

    /// <summary>The author of the comments this host posts for the tool.</summary>
    public const string DefaultAuthor = "lakehouse-manager";

    private readonly GitRepository _repository;
    private readonly TimeProvider _timeProvider;

    /// <param name="repository">The mirror repository (a checkout or a bare repository).</param>
    /// <param name="mirrorPath">The mirror folder inside it (<c>--mirror-path</c>, empty for the root).</param>
    /// <param name="reportsFolder">Where comments are written, e.g. <c>artifacts/pull-requests</c>.</param>
    /// <param name="remote">The remote to fetch from when the repository has it.</param>
    /// <param name="timeProvider">The clock for comment dates and for waiting on the comment lock.</param>
    /// <param name="author">The author recorded on the comments posted through the port.</param>
    public LocalPullRequestHost(
        GitRepository repository,
        string mirrorPath,
        string reportsFolder,
        string remote = "origin",
        TimeProvider? timeProvider = null,
        string author = DefaultAuthor)
    {
        _repository = repository ?? throw new ArgumentNullException(nameof(repository));
        ArgumentException.ThrowIfNullOrWhiteSpace(reportsFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(remote);
        MirrorPath = MirrorFolder.NormalizeMirrorPath(mirrorPath);
        ReportsFolder = Path.GetFullPath(reportsFolder);
        Remote = remote;
        Author = LocalCommentFile.RequireAuthor(author);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The mirror folder, normalized (empty for the repository root).</summary>
    public string MirrorPath { get; }

    /// <summary>The full path of the folder that holds one folder of comments per pull request.</summary>
    public string ReportsFolder { get; }

    public string Remote { get; }

    public string Author { get; }

    public string Description => $"local pull-request host (repository {_repository.Directory}, reports {ReportsFolder})";

    public int MaxCommentLength => DefaultMaxCommentLength;

    /// <summary>
    /// The id of the pull request of a branch pair: stable, readable, e.g. <c>dev..main</c>. Branch names never hold
    /// <c>..</c>, so two different pairs never share an id (and a comment folder).
    /// </summary>
    public static string PullRequestId(string sourceBranch, string targetBranch) => $"{sourceBranch}..{targetBranch}";

    /// <summary>
    /// Fetches (when the remote exists), resolves both branches and decides whether the pull request is merged: see
    /// <see cref="IsMergedAsync"/>. A merged pull request is Closed, any other Open.
    /// </summary>
    public async Task<PullRequest> GetPullRequestAsync(
        PullRequestSelector selector, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var source = RequireBranchName(selector.SourceBranch, "source branch (--to-ref)");
        var target = RequireBranchName(selector.TargetBranch, "target branch (--from-ref)");
        if (source == target)
        {
            throw new LakehouseException(
                $"A pull request needs two different branches, but the source (--to-ref) and the target (--from-ref) " +
                $"are both '{source}'.");
        }

        var id = PullRequestId(source, target);
        if (!string.IsNullOrEmpty(selector.Id) && selector.Id != id)
        {
            throw new LakehouseException(
                $"Pull request id '{selector.Id}' (--pull-request-id) does not name the branch pair {source} → {target}: " +
                $"on the local host its id is '{id}'. Leave the id out, or pass '{id}'.");
        }

        var hasRemote = await _repository.Remotes.HasRemoteAsync(Remote, cancellationToken).ConfigureAwait(false);
        if (hasRemote)
        {
            await _repository.Remotes.FetchAsync(Remote, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var sourceHead = await ResolveBranchAsync(source, "--to-ref", hasRemote, cancellationToken).ConfigureAwait(false);
        var targetHead = await ResolveBranchAsync(target, "--from-ref", hasRemote, cancellationToken).ConfigureAwait(false);
        var merged = await IsMergedAsync(source, sourceHead, targetHead, cancellationToken).ConfigureAwait(false);
        return new PullRequest(
            id,
            $"{source} → {target}",
            merged ? PullRequestStatus.Closed : PullRequestStatus.Open,
            merged,
            source,
            target,
            sourceHead,
            targetHead);
    }

    private static string RequireBranchName(string? name, string what)
    {
        var error = RefName.Validate(name);
        return error is null
            ? name!
            : throw new LakehouseException($"Invalid {what} name '{name}': {error}.");
    }

    private async Task<string> ResolveBranchAsync(
        string branch, string parameter, bool hasRemote, CancellationToken cancellationToken)
    {
        if (hasRemote &&
            await _repository.History.RevParseAsync($"refs/remotes/{Remote}/{branch}^{{commit}}", cancellationToken)
                .ConfigureAwait(false) is { } remoteHead)
        {
            return remoteHead;
        }

        return await _repository.History.RevParseAsync($"refs/heads/{branch}^{{commit}}", cancellationToken).ConfigureAwait(false)
            ?? throw new LakehouseException(
                $"Branch '{branch}' ({parameter}) does not exist in the mirror repository '{_repository.Directory}': " +
                (hasRemote ? $"there is neither a branch '{Remote}/{branch}' on the remote nor a local branch '{branch}'."
                    : $"there is no local branch '{branch}' (and no remote '{Remote}')."));
    }
}
