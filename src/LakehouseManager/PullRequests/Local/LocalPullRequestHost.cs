using LakehouseManager.Mirror;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Naming;
using LakehouseManager.Security;

namespace LakehouseManager.PullRequests.Local;

/// <summary>
/// The git-only pull-request host (design §6): a pull request is a pair of branches in the mirror repository, the
/// source (<c>--to-ref</c>) into the target (<c>--from-ref</c>), and its comments are markdown files under a reports
/// folder, one folder per pull request. It prints nothing: the caller prints what it posts.
/// </summary>
/// <remarks>
/// Branches are read from the remote-tracking refs after a fetch when the repository has the remote (that is what
/// was pushed and reviewed), else from the local branches, so it also works in a repository with no remote at all.
/// The host remembers the last source commit it saw in the pull request's folder (<c>pull-request.json</c>), so a
/// pull request whose source branch was deleted after a merge (a squash merge usually does) can still be read.
/// </remarks>
internal sealed partial class LocalPullRequestHost : IPullRequestHost
{
    /// <summary>CodeCommit's limit, so that reports are cut the same way as on the real host.</summary>
    public const int DefaultMaxCommentLength = 10_240;

    /// <summary>The author of the comments this host posts for the tool.</summary>
    public const string DefaultAuthor = "lakehouse-manager";

    /// <summary>Separates the branches in a local pull request's id: branch names never hold it.</summary>
    private const string IdSeparator = "..";

    private readonly GitRepository _repository;
    private readonly TimeProvider _timeProvider;

    /// <param name="repository">The mirror repository (a checkout or a bare repository).</param>
    /// <param name="mirrorPath">The mirror folder inside it (<c>--mirror-path</c>, empty for the root).</param>
    /// <param name="reportsFolder">Where comments are written, e.g. <c>artifacts/pull-requests</c>.</param>
    /// <param name="remote">The remote to fetch from when the repository has it.</param>
    /// <param name="timeProvider">The clock for comment dates and for waiting on the comment lock.</param>
    /// <param name="author">The author recorded on the comments posted through the port.</param>
    /// <param name="redactor">Masks the run's secrets in the comment files; null for none.</param>
    public LocalPullRequestHost(
        GitRepository repository,
        string mirrorPath,
        string reportsFolder,
        string remote = "origin",
        TimeProvider? timeProvider = null,
        string author = DefaultAuthor,
        SecretRedactor? redactor = null)
    {
        Redactor = redactor ?? SecretRedactor.None;
        _repository = repository ?? throw new ArgumentNullException(nameof(repository));
        ArgumentException.ThrowIfNullOrWhiteSpace(reportsFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(remote);
        MirrorPath = MirrorFolder.NormalizeMirrorPath(mirrorPath);
        ReportsFolder = Path.GetFullPath(reportsFolder);
        Remote = remote;
        Author = LocalCommentFile.RequireAuthor(author);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Masks the run's secrets in every file the host writes.</summary>
    public SecretRedactor Redactor { get; }

    /// <summary>The mirror folder, normalized (empty for the repository root).</summary>
    public string MirrorPath { get; }

    /// <summary>The full path of the folder that holds one folder of comments per pull request.</summary>
    public string ReportsFolder { get; }

    public string Remote { get; }

    public string Author { get; }

    /// <summary>The repository's name, as pull requests report it: its folder's name.</summary>
    public string RepositoryName => Path.GetFileName(Path.TrimEndingDirectorySeparator(_repository.Directory));

    public string Description => $"local pull-request host (repository {_repository.Directory}, reports {ReportsFolder})";

    public int MaxCommentLength => DefaultMaxCommentLength;

    public Task<HostIdentity> GetIdentityAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new HostIdentity(Author));

    /// <summary>
    /// The id of the pull request of a branch pair: stable, readable, e.g. <c>dev..main</c>. Branch names never hold
    /// <c>..</c>, so two different pairs never share an id (and a comment folder).
    /// </summary>
    public static string PullRequestId(string sourceBranch, string targetBranch) => $"{sourceBranch}{IdSeparator}{targetBranch}";

    /// <summary>
    /// Fetches (when the remote exists), resolves both branches and decides whether the pull request is merged: see
    /// <see cref="FindMergeAsync"/>. A merged pull request is Closed, any other Open.
    /// </summary>
    public async Task<PullRequest> GetPullRequestAsync(
        PullRequestSelector selector, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var (source, target) = Branches(selector);
        var id = PullRequestId(source, target);
        var hasRemote = await _repository.Remotes.HasRemoteAsync(Remote, cancellationToken).ConfigureAwait(false);
        if (hasRemote)
        {
            await _repository.Remotes.FetchAsync(Remote, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var folder = FolderOf(id);
        var record = await LocalPullRequestRecord.ReadAsync(folder, cancellationToken).ConfigureAwait(false);
        var targetHead = await ResolveBranchAsync(target, hasRemote, cancellationToken).ConfigureAwait(false)
            ?? throw BranchMissing(target, "--from-ref", hasRemote);
        var sourceHead = await ResolveBranchAsync(source, hasRemote, cancellationToken).ConfigureAwait(false);
        var sourceDeleted = sourceHead is null;
        if (sourceHead is null)
        {
            // A merged pull request's branch is often deleted: the last source commit this host saw still tells what
            // was reviewed, if git still has it.
            sourceHead = record?.SourceCommit is { } remembered &&
                await _repository.History.RevParseAsync(remembered + "^{commit}", cancellationToken).ConfigureAwait(false) is not null
                    ? remembered
                    : throw BranchMissing(source, "--to-ref", hasRemote, record is not null);
        }
        else
        {
            await LocalPullRequestRecord.WriteAsync(
                folder, new LocalPullRequestRecord(id, source, target, sourceHead), Redactor, cancellationToken).ConfigureAwait(false);
        }

        var merge = await FindMergeAsync(source, sourceHead, targetHead, cancellationToken).ConfigureAwait(false);
        return new PullRequest(
            RepositoryName,
            id,
            $"{source} → {target}",
            merge is not null || sourceDeleted ? PullRequestStatus.Closed : PullRequestStatus.Open,
            source,
            target,
            sourceHead,
            targetHead,
            merge);
    }

    private (string Source, string Target) Branches(PullRequestSelector selector)
    {
        string? source = selector.SourceBranch, target = selector.TargetBranch;
        if (!string.IsNullOrEmpty(selector.Id))
        {
            var parts = selector.Id.Split(IdSeparator);
            if (parts.Length != 2)
            {
                throw new LakehouseException(
                    $"Pull request id '{selector.Id}' (--pull-request-id) is not a local pull request's id: on the local " +
                    $"host it is 'source{IdSeparator}target', e.g. 'dev{IdSeparator}main'. Leave the id out and give " +
                    "--to-ref and --from-ref instead.");
            }

            if ((source is not null && source != parts[0]) || (target is not null && target != parts[1]))
            {
                throw new LakehouseException(
                    $"Pull request id '{selector.Id}' (--pull-request-id) does not name the branch pair {source} → {target}: " +
                    $"on the local host its id is '{PullRequestId(source ?? parts[0], target ?? parts[1])}'. Leave the id " +
                    "out, or pass the matching one.");
            }

            (source, target) = (parts[0], parts[1]);
        }

        source = RequireBranchName(source, "source branch (--to-ref)");
        target = RequireBranchName(target, "target branch (--from-ref)");
        if (source == target)
        {
            throw new LakehouseException(
                $"A pull request needs two different branches, but the source (--to-ref) and the target (--from-ref) " +
                $"are both '{source}'.");
        }

        return (source, target);
    }

    private static string RequireBranchName(string? name, string what)
    {
        var error = RefName.Validate(name);
        return error is null
            ? name!
            : throw new LakehouseException($"Invalid {what} name '{name}': {error}.");
    }

    private async Task<string?> ResolveBranchAsync(string branch, bool hasRemote, CancellationToken cancellationToken)
    {
        if (hasRemote &&
            await _repository.History.RevParseAsync($"refs/remotes/{Remote}/{branch}^{{commit}}", cancellationToken)
                .ConfigureAwait(false) is { } remoteHead)
        {
            return remoteHead;
        }

        return await _repository.History.RevParseAsync($"refs/heads/{branch}^{{commit}}", cancellationToken).ConfigureAwait(false);
    }

    private LakehouseException BranchMissing(string branch, string parameter, bool hasRemote, bool hadRecord = false) =>
        new(
            $"Branch '{branch}' ({parameter}) does not exist in the mirror repository '{_repository.Directory}': " +
            (hasRemote ? $"there is neither a branch '{Remote}/{branch}' on the remote nor a local branch '{branch}'"
                : $"there is no local branch '{branch}' (and no remote '{Remote}')") +
            (hadRecord ? ", and the commit this host last saw it at is gone." : "."));
}
