using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Views;
using LakehouseManager.Mirror;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Naming;
using LakehouseManager.Pipeline.Sync;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakehouseManager.Pipeline.Verify;

/// <summary>
/// Compares a whole catalog branch with its mirror in git and reports any drift (design §4: the check that proves a
/// sync's invariant). The mirror is read from git objects, so nothing is checked out and the working tree does not
/// matter: after a fetch, the remote-tracking branch when it exists (what was pushed), else the local branch. The cost
/// is a fixed number of git calls (fetch, rev-parse, ls-tree, one cat-file batch), whatever the number of views.
/// </summary>
public sealed partial class VerifyMirror
{
    private readonly CatalogViews _views;
    private readonly GitRepository _repository;
    private readonly MirrorFolder _folder;
    private readonly string _remote;
    private readonly ILogger _logger;

    /// <param name="views">The versioned catalog and its view SQL.</param>
    /// <param name="repository">The mirror repository (a checkout or a bare repository).</param>
    /// <param name="mirrorPath">The mirror folder inside it (<c>--mirror-path</c>, empty for the root).</param>
    /// <param name="remote">The remote to fetch and read when the repository has it.</param>
    /// <param name="logger">Progress and outcome; null for none.</param>
    public VerifyMirror(
        CatalogViews views,
        GitRepository repository,
        string mirrorPath,
        string remote = "origin",
        ILogger<VerifyMirror>? logger = null)
    {
        _views = views ?? throw new ArgumentNullException(nameof(views));
        _repository = repository ?? throw new ArgumentNullException(nameof(repository));
        ArgumentException.ThrowIfNullOrWhiteSpace(remote);
        _folder = new MirrorFolder(repository.Directory, mirrorPath);
        _remote = remote;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>
    /// Compares catalog branch <paramref name="branch"/> at its head with git branch <paramref name="branch"/>. Drift
    /// is data (<see cref="MirrorVerification.Agrees"/> false); an unknown branch raises a clear error.
    /// </summary>
    public async Task<MirrorVerification> RunAsync(string branch, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        var catalogBranch = await _views.Catalog.GetBranchAsync(branch, cancellationToken).ConfigureAwait(false);
        var views = new List<CatalogView>();
        var unresolved = new List<UnresolvedView>();
        await foreach (var view in _views.ListAsync(catalogBranch.Hash, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            switch (view)
            {
                case ViewSql.Resolved resolved:
                    views.Add(new CatalogView(resolved.Key, resolved.Sql));
                    break;
                case ViewSql.Unresolved failed:
                    unresolved.Add(new UnresolvedView(failed.Key, failed.Reason));
                    break;
            }
        }

        var (revision, commit) = await ResolveGitBranchAsync(branch, cancellationToken).ConfigureAwait(false);
        var paths = await _repository.Objects.ListTreeFilesAsync(commit, _folder.MirrorPath, cancellationToken).ConfigureAwait(false);
        var mirrorFiles = paths
            .Select(path => (Repository: path, Relative: _folder.FromRepositoryPath(path)))
            .Where(f => f.Relative is not null && MirrorLayout.IsMirrorFile(f.Relative))
            .ToList();
        LogReading(views.Count, branch, HashText.Short(catalogBranch.Hash), mirrorFiles.Count, revision, HashText.Short(commit));

        var contents = await _repository.Objects.ReadFilesAsync(commit, mirrorFiles.Select(f => f.Repository), cancellationToken)
            .ConfigureAwait(false);
        // The file of a view whose SQL could not be read is neither extra nor different: it was not compared.
        var notCompared = unresolved.Select(u => MirrorLayout.EncodePlain(u.Key)).ToHashSet(StringComparer.Ordinal);
        var foreign = await ForeignAsync(
            commit, catalogBranch.Hash, views.Select(v => v.Key).Concat(unresolved.Select(u => u.Key)).ToHashSet(),
            mirrorFiles.Select(f => f.Relative!), cancellationToken).ConfigureAwait(false);
        var files = mirrorFiles.Where(f => !notCompared.Contains(f.Relative!) && !foreign.Contains(f.Relative!))
            .ToDictionary(f => f.Relative!, f => contents[f.Repository], StringComparer.Ordinal);
        var comparison = MirrorComparison.Compare(views, files);
        var result = new MirrorVerification(branch, catalogBranch.Hash, revision, commit, _folder.MirrorPath, comparison, unresolved)
        {
            Foreign = [.. foreign.Order(StringComparer.Ordinal)],
        };
        if (result.Agrees)
        {
            LogAgree(branch, HashText.Short(catalogBranch.Hash), revision, HashText.Short(commit), comparison.ViewCount);
        }
        else
        {
            LogDrift(
                branch, HashText.Short(catalogBranch.Hash), revision, HashText.Short(commit), comparison.Missing.Count, comparison.Extra.Count,
                comparison.Different.Count, comparison.Misplaced.Count);
        }

        return result;
    }

    /// <summary>
    /// The <c>*.sql</c> files no mirror commit wrote: those that are no view of the catalog now and were none at the
    /// nearest watermark either (the catalog's diff since then does not name them), and are not the drift or pending
    /// views the watermark carried. Without a watermark, or one whose catalog commit is gone, every file counts.
    /// </summary>
    private async Task<HashSet<string>> ForeignAsync(
        string commit, string head, HashSet<ContentKey> views, IEnumerable<string> files, CancellationToken cancellationToken)
    {
        var candidates = files
            .Select(path => (Path: path, Key: MirrorLayout.TryDecode(path, out var key, out _) ? key : null))
            .Where(f => f.Key is null || !views.Contains(f.Key))
            .ToList();
        var watermark = candidates.Count == 0 ? null : await _repository.History.FindWatermarkAsync(commit, cancellationToken).ConfigureAwait(false);
        if (watermark is null)
        {
            return [];
        }

        HashSet<ContentKey> owned = [];
        try
        {
            await foreach (var change in _views.Catalog.DiffAllAsync(watermark.CatalogHash, head, cancellationToken: cancellationToken)
                .ConfigureAwait(false))
            {
                owned.Add(change.Key);
            }
        }
        catch (CatalogException exception) when (exception.Kind == CatalogErrorKind.NotFound)
        {
            return [];
        }

        foreach (var trailer in (string[])[SyncCommitMessage.DriftTrailer, SyncCommitMessage.PendingTrailer])
        {
            foreach (var path in await _repository.History.ReadTrailersAsync(watermark.GitCommit, trailer, cancellationToken).ConfigureAwait(false))
            {
                if (MirrorLayout.TryDecode(path, out var key, out _))
                {
                    owned.Add(key!);
                }
            }
        }

        return [.. candidates.Where(f => f.Key is null || !owned.Contains(f.Key)).Select(f => f.Path)];
    }

    private async Task<(string Revision, string Commit)> ResolveGitBranchAsync(string branch, CancellationToken cancellationToken)
    {
        var hasRemote = await _repository.Remotes.HasRemoteAsync(_remote, cancellationToken).ConfigureAwait(false);
        if (hasRemote)
        {
            LogFetching(_remote);
            await _repository.Remotes.FetchAsync(_remote, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (await _repository.History.RevParseAsync($"refs/remotes/{_remote}/{branch}^{{commit}}", cancellationToken)
                .ConfigureAwait(false) is { } remoteCommit)
            {
                return ($"{_remote}/{branch}", remoteCommit);
            }
        }

        var localCommit = await _repository.History.RevParseAsync($"refs/heads/{branch}^{{commit}}", cancellationToken)
            .ConfigureAwait(false);
        return localCommit is not null
            ? (branch, localCommit)
            : throw new LakehouseException(
                $"Git branch '{branch}' does not exist in the mirror repository '{_repository.Directory}' " +
                (hasRemote ? $"(neither '{_remote}/{branch}' nor a local branch '{branch}')" : "(no local branch of that name)") +
                ": sync the catalog branch first, or check --repo-path and the branch name.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetching {Remote} to verify what was pushed.")]
    private partial void LogFetching(string remote);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Comparing {Views} views of catalog branch {Branch} at {Hash} with {Files} mirror files of {Revision} at {Commit}.")]
    private partial void LogReading(int views, string branch, string hash, int files, string revision, string commit);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Catalog branch {Branch} at {Hash} and mirror {Revision} at {Commit} agree: {Views} views.")]
    private partial void LogAgree(string branch, string hash, string revision, string commit, int views);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Catalog branch {Branch} at {Hash} and mirror {Revision} at {Commit} disagree: {Missing} missing, " +
            "{Extra} extra, {Different} different, {Misplaced} misplaced.")]
    private partial void LogDrift(
        string branch, string hash, string revision, string commit, int missing, int extra, int different, int misplaced);
}
