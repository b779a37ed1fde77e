using LakehouseManager.IO;
using LakehouseManager.Mirror;
using LakehouseManager.Mirror.Git;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Pipeline.Sync;

/// <summary>
/// Brings the mirror checkout to the branch to sync, current with its remote: recovers from an interrupted sync,
/// refuses a checkout with somebody's uncommitted work, fetches, creates the git branch when only the catalog has it,
/// checks it out and catches up with the remote.
/// </summary>
internal sealed class SyncCheckout(
    GitRepository repository, MirrorFolder mirror, SyncSettings settings, ILogger logger, TimeProvider timeProvider)
{
    private bool? _hasRemote;

    private string Branch => settings.Branch;

    private string RemoteBranch => $"{settings.Remote}/{settings.Branch}";

    /// <summary>The git directory, checking first that the checkout is a git working tree.</summary>
    public async Task<string> GetGitDirectoryAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(repository.Directory))
        {
            throw NoCheckout("the folder does not exist");
        }

        string gitDirectory;
        string top;
        try
        {
            gitDirectory = await repository.GetGitDirectoryAsync(cancellationToken).ConfigureAwait(false);
            top = await repository.GetTopLevelAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (GitException exception)
        {
            throw NoCheckout("it is not a git working tree", exception);
        }

        // git speaks in paths relative to the top folder; a sub-folder as the checkout would misplace every path.
        if (!string.Equals(Path.TrimEndingDirectorySeparator(top), Path.TrimEndingDirectorySeparator(repository.Directory),
                StringComparison.Ordinal))
        {
            var inside = Path.GetRelativePath(top, repository.Directory).Replace('\\', '/');
            throw new LakehouseException(
                $"--repo-path {repository.Directory} is a folder inside the git checkout {top}, not its top folder: pass " +
                $"--repo-path {top}, and --mirror-path {inside} if the mirror lives in that folder.");
        }

        return gitDirectory;
    }

    /// <summary>
    /// Whether the remote is configured. A checkout with no remote at all syncs locally only; a checkout whose remotes
    /// do not include the one named (a typo in <c>--remote</c>) is an error, not a sync that silently never pushes.
    /// </summary>
    public async Task<bool> HasRemoteAsync(CancellationToken cancellationToken)
    {
        if (_hasRemote is { } known)
        {
            return known;
        }

        var remotes = await repository.Remotes.ListRemotesAsync(cancellationToken).ConfigureAwait(false);
        if (remotes.Count > 0 && !remotes.Contains(settings.Remote, StringComparer.Ordinal))
        {
            throw new LakehouseException(
                $"Remote '{settings.Remote}' (--remote) is not configured in {repository.Directory}; its remotes are: " +
                $"{string.Join(", ", remotes)}.");
        }

        _hasRemote = remotes.Count > 0;
        return _hasRemote.Value;
    }

    public async Task PrepareAsync(string gitDirectory, CancellationToken cancellationToken)
    {
        await RecoverAsync(gitDirectory, cancellationToken).ConfigureAwait(false);
        var dirty = await repository.WorkTree.GetDirtyPathsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (dirty.Count > 0)
        {
            throw new LakehouseException(
                $"The checkout {repository.Directory} has uncommitted changes ({dirty.Count} file(s): " +
                $"{string.Join(", ", dirty.Take(5))}{(dirty.Count > 5 ? ", ..." : "")}). A sync never overwrites work in " +
                "progress: commit or stash them, then run again.");
        }

        var remoteHasBranch = await FetchAsync(Branch, cancellationToken).ConfigureAwait(false);
        var current = await repository.WorkTree.GetCurrentBranchAsync(cancellationToken).ConfigureAwait(false);
        var unborn = current == Branch && await repository.History.RevParseAsync("HEAD", cancellationToken).ConfigureAwait(false) is null;
        if (unborn && !remoteHasBranch)
        {
            // A new, empty mirror repository: the sync makes the branch's first commit.
            return;
        }

        if (!await repository.History.LocalBranchExistsAsync(Branch, cancellationToken).ConfigureAwait(false))
        {
            var start = remoteHasBranch ? RemoteBranch : await StartPointAsync(cancellationToken).ConfigureAwait(false);
            await repository.History.CreateBranchAsync(Branch, start, cancellationToken: cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Created git branch {Branch} from {Start}", Branch, start);
        }

        // The mark comes before the first git command that changes the checkout: a kill in the middle of the switch,
        // the reset or the rebase leaves files the next run knows to be its own.
        var journal = new SyncJournal(gitDirectory);
        if (current != Branch)
        {
            var target = await repository.History.RevParseAsync($"refs/heads/{Branch}^{{commit}}", cancellationToken).ConfigureAwait(false);
            journal.Write(Branch, SyncPhase.Switch, $"switching from {current ?? "a detached HEAD"} to {Branch}", target);
            await ChangeCheckoutAsync(
                $"Switching the checkout to branch {Branch}",
                $"half switched from {current ?? "a detached HEAD"} to {Branch}",
                () => repository.WorkTree.CheckoutAsync(Branch, cancellationToken)).ConfigureAwait(false);
        }

        if (remoteHasBranch)
        {
            var target = await repository.History.RevParseAsync($"refs/remotes/{RemoteBranch}^{{commit}}", cancellationToken).ConfigureAwait(false);
            journal.Write(Branch, SyncPhase.CatchUp, "catching up with " + RemoteBranch, target);
            await ChangeCheckoutAsync(
                $"Bringing branch {Branch} up to {RemoteBranch}",
                $"on {Branch}, half moved to {RemoteBranch}",
                () => CatchUpAsync(cancellationToken)).ConfigureAwait(false);
        }

        journal.Clear();
    }

    /// <summary>
    /// Resets the checkout's branch to <paramref name="rev"/> under the mark, so that a kill in the middle of it is
    /// undone by the next run like one in the middle of a switch.
    /// </summary>
    public async Task ResetUnderMarkAsync(string gitDirectory, string rev, CancellationToken cancellationToken)
    {
        var journal = new SyncJournal(gitDirectory);
        var target = await repository.History.RevParseAsync(rev + "^{commit}", cancellationToken).ConfigureAwait(false);
        journal.Write(Branch, SyncPhase.CatchUp, "resetting to " + rev, target);
        await ChangeCheckoutAsync(
            $"Resetting branch {Branch} to {rev}",
            $"on {Branch}, half reset to {rev}",
            () => repository.WorkTree.ResetHardAsync(rev, cancellationToken)).ConfigureAwait(false);
        journal.Clear();
    }

    /// <summary>
    /// The commit a sync of the branch starts from, found from refs alone (a dry run touches no checkout): after a
    /// fetch, the remote-tracking branch; else the local branch; else where a new branch would start
    /// (<c>--from-ref</c>). Null for a new, empty repository (the sync makes its first commit).
    /// </summary>
    public async Task<(string? Commit, string Revision)> FindStartCommitAsync(CancellationToken cancellationToken)
    {
        string revision;
        if (await FetchAsync(Branch, cancellationToken).ConfigureAwait(false))
        {
            revision = RemoteBranch;
        }
        else if (await repository.History.LocalBranchExistsAsync(Branch, cancellationToken).ConfigureAwait(false))
        {
            revision = Branch;
        }
        else if (await repository.WorkTree.GetCurrentBranchAsync(cancellationToken).ConfigureAwait(false) == Branch &&
                 await repository.History.RevParseAsync("HEAD^{commit}", cancellationToken).ConfigureAwait(false) is null)
        {
            return (null, Branch);
        }
        else
        {
            revision = await StartPointAsync(cancellationToken).ConfigureAwait(false);
        }

        var fullRef = revision == RemoteBranch || revision == $"{settings.Remote}/{settings.FromRef}"
            ? $"refs/remotes/{revision}"
            : $"refs/heads/{revision}";
        return (await repository.History.RevParseAsync(fullRef + "^{commit}", cancellationToken).ConfigureAwait(false), revision);
    }

    /// <summary>Fetches a branch from the remote; false when there is no remote or the remote lacks the branch.</summary>
    public async Task<bool> FetchAsync(string branch, CancellationToken cancellationToken)
    {
        if (!await HasRemoteAsync(cancellationToken).ConfigureAwait(false) ||
            !await repository.Remotes.RemoteBranchExistsAsync(settings.Remote, branch, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await repository.Remotes.FetchAsync(settings.Remote, branch, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Whether every commit the checkout has and the remote lacks is a mirror commit: those can always be derived
    /// again from the catalog, so they may be dropped and redone on top of the remote.
    /// </summary>
    public async Task<bool> OnlyMirrorCommitsAheadAsync(CancellationToken cancellationToken)
    {
        var ahead = await repository.History.ListCommitsAsync(RemoteBranch, "HEAD", cancellationToken).ConfigureAwait(false);
        return ahead.All(c => c.IsMirrorCommit);
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var local = await repository.History.RevParseAsync("HEAD", cancellationToken).ConfigureAwait(false);
        var remote = await repository.History.RevParseAsync(RemoteBranch, cancellationToken).ConfigureAwait(false);
        if (local == remote || await repository.History.IsAncestorAsync(remote!, local!, cancellationToken).ConfigureAwait(false))
        {
            // Equal, or ahead with commits an interrupted sync did not push yet: the push step sends them.
            return;
        }

        if (await repository.History.IsAncestorAsync(local!, remote!, cancellationToken).ConfigureAwait(false) ||
            await OnlyMirrorCommitsAheadAsync(cancellationToken).ConfigureAwait(false))
        {
            await repository.WorkTree.ResetHardAsync(RemoteBranch, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Somebody's commits are not pushed yet. The sync's own commits on top of them are dropped (this sync derives
        // them again): replayed by a rebase, they would claim a watermark over a tree that also holds the remote's new
        // changes. Only the human commits are rebased.
        var ahead = await repository.History.ListCommitsAsync(RemoteBranch, "HEAD", cancellationToken).ConfigureAwait(false);
        var own = ahead.TakeWhile(c => c.IsMirrorCommit).Count();
        if (ahead.Skip(own).Any(c => c.IsMirrorCommit))
        {
            throw new LakehouseException(
                $"Git branch {Branch} has unpushed commits where mirror commits and other commits are interleaved, and " +
                $"{RemoteBranch} has moved: push or reconcile them by hand, then run again.");
        }

        if (own > 0)
        {
            await repository.WorkTree.ResetHardAsync(ahead[own].Commit, cancellationToken).ConfigureAwait(false);
        }

        var rebase = await repository.Merges.RebaseAsync(RemoteBranch, cancellationToken).ConfigureAwait(false);
        if (!rebase.IsSuccess)
        {
            throw new LakehouseException(
                $"Git branch {Branch} and {RemoteBranch} have diverged, and rebasing the local commits conflicts in " +
                $"{string.Join(", ", rebase.ConflictingPaths)}. Reconcile them by hand, then run again.");
        }
    }

    private async Task<string> StartPointAsync(CancellationToken cancellationToken)
    {
        if (await FetchAsync(settings.FromRef, cancellationToken).ConfigureAwait(false))
        {
            return $"{settings.Remote}/{settings.FromRef}";
        }

        if (await repository.History.LocalBranchExistsAsync(settings.FromRef, cancellationToken).ConfigureAwait(false))
        {
            return settings.FromRef;
        }

        throw new LakehouseException(
            $"Git branch '{Branch}' does not exist, and neither does '{settings.FromRef}' (--from-ref) to start it from, " +
            $"locally or on remote '{settings.Remote}', in {repository.Directory}.");
    }

    /// <summary>
    /// Undoes what an interrupted sync left behind. Lock files that no running git holds are removed first (a killed
    /// git leaves them, and every later git call would fail on them). Then, only when the sync's mark says a sync was
    /// changing the checkout: a half-done rebase is aborted; a half-done switch or reset is undone (the tracked files
    /// go back to HEAD, and the files the interrupted git wrote from its target commit are removed), to be done again;
    /// half-written mirror files are discarded. Without the mark, nothing of the checkout is touched.
    /// </summary>
    private async Task RecoverAsync(string gitDirectory, CancellationToken cancellationToken)
    {
        await StaleGitLocks.ClearAsync(repository, gitDirectory, settings.GitProcessWait, timeProvider, logger, cancellationToken)
            .ConfigureAwait(false);
        var journal = new SyncJournal(gitDirectory);
        var rebasing = GitMerges.IsRebaseInProgress(gitDirectory);
        if (!journal.Exists)
        {
            if (rebasing)
            {
                throw new LakehouseException(
                    $"A rebase is in progress in {repository.Directory}; finish it (git rebase --continue) or abort it " +
                    "(git rebase --abort), then run again.");
            }

            return;
        }

        var (phase, target) = journal.Read();
        int discarded;
        try
        {
            if (rebasing)
            {
                await repository.Merges.AbortRebaseAsync(cancellationToken).ConfigureAwait(false);
            }

            discarded = phase == SyncPhase.Write
                ? await DiscardWrittenFilesAsync(journal, cancellationToken).ConfigureAwait(false)
                : await UndoCheckoutChangeAsync(target, cancellationToken).ConfigureAwait(false);
        }
        catch (GitException exception)
        {
            throw new LakehouseException(
                $"An interrupted sync left {repository.Directory} {Describe(phase)}, and undoing it failed: " +
                $"{exception.Message} Fix the cause (for example the file's permissions), then run again: the next sync " +
                $"undoes it and starts again (its mark is {journal.Path}).",
                innerException: exception);
        }

        journal.Clear();
        logger.LogWarning(
            "Recovered from an interrupted sync ({What}): discarded {Count} uncommitted file change(s); redoing it",
            Describe(phase), discarded);
    }

    /// <summary>The mirror files an interrupted write left: discarded, unless something else changed too.</summary>
    private async Task<int> DiscardWrittenFilesAsync(SyncJournal journal, CancellationToken cancellationToken)
    {
        var dirty = await repository.WorkTree.GetDirtyPathsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var foreign = dirty.Where(p => !IsSyncFile(p)).ToList();
        if (foreign.Count > 0)
        {
            throw new LakehouseException(
                $"An interrupted sync left {repository.Directory} with changes, and some are not mirror files " +
                $"({string.Join(", ", foreign.Take(5))}), so they are not the sync's own. Commit or discard them, then " +
                $"delete {journal.Path} and run again.");
        }

        if (dirty.Count > 0)
        {
            await repository.WorkTree.ResetHardAsync("HEAD", cancellationToken).ConfigureAwait(false);
            await repository.WorkTree.CleanAsync(mirror.MirrorPath, cancellationToken).ConfigureAwait(false);
        }

        return dirty.Count;
    }

    /// <summary>
    /// Undoes a switch or a reset that was killed halfway: the tracked files go back to HEAD (git moves HEAD last, so
    /// HEAD is where the checkout was, or where it was going if git got that far), and the untracked files that the
    /// interrupted git wrote (paths of its target commit) are removed. The checkout was clean before, so nothing else
    /// is there to lose. The sync then does the switch or reset again.
    /// </summary>
    private async Task<int> UndoCheckoutChangeAsync(string? target, CancellationToken cancellationToken)
    {
        var status = await repository.WorkTree.GetStatusAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (status.Count == 0)
        {
            return 0;
        }

        await repository.WorkTree.ResetHardAsync("HEAD", cancellationToken).ConfigureAwait(false);
        var untracked = status.Where(e => e.IsUntracked).Select(e => e.Path).ToList();
        if (untracked.Count > 0 && target is not null)
        {
            var written = (await repository.Objects.ListTreeFilesAsync(target, cancellationToken: cancellationToken).ConfigureAwait(false))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var path in untracked.Where(written.Contains))
            {
                var full = Path.Combine(repository.Directory, path.Replace('/', Path.DirectorySeparatorChar));
                try
                {
                    File.Delete(full);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    throw FileErrors.Delete(full, exception, $"An interrupted sync left {repository.Directory} {Describe(SyncPhase.Switch)}; fix the cause, then run again.");
                }
            }
        }

        return status.Count;
    }

    /// <summary>
    /// Runs a git command that changes the checkout under the mark. When it fails (a file it cannot write, a full disk),
    /// the error says what state it left, and that the next run finishes the job once the cause is fixed; the mark
    /// stays for that.
    /// </summary>
    private async Task ChangeCheckoutAsync(string what, string state, Func<Task> change)
    {
        try
        {
            await change().ConfigureAwait(false);
        }
        catch (GitException exception)
        {
            throw new LakehouseException(
                $"{what} failed: {exception.Message} The checkout {repository.Directory} is left {state}, marked as the " +
                "sync's own work: fix the cause (for example a file's permissions, or disk space), then run again, and the " +
                "next sync undoes it and starts again. Nothing was committed or pushed.",
                innerException: exception);
        }
    }

    private static string Describe(SyncPhase phase) => phase switch
    {
        SyncPhase.Switch => "half switched to another branch",
        SyncPhase.CatchUp => "half brought up to its remote",
        _ => "with half-written mirror files",
    };

    /// <summary>A view file in the mirror folder, or the temporary file of an interrupted write of one.</summary>
    private bool IsSyncFile(string repositoryPath)
    {
        var relative = mirror.FromRepositoryPath(repositoryPath);
        return relative is not null &&
               (MirrorLayout.IsMirrorFile(relative) || MirrorFolder.IsTemporaryFileName(Path.GetFileName(relative)));
    }

    private LakehouseException NoCheckout(string why, Exception? inner = null) =>
        new($"No git checkout at {repository.Directory} (--repo-path): {why}. Clone your mirror repository there " +
            "(git clone <url> <path>) or pass --repo-path.", innerException: inner);
}
