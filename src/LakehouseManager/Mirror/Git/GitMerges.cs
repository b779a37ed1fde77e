namespace LakehouseManager.Mirror.Git;

/// <summary>
/// Bringing another line of history into the checked-out branch: merges, squash merges and rebases. A conflict is a
/// result, never a half-done state: the operation is aborted and the branch and working tree are back where they were.
/// </summary>
public sealed class GitMerges
{
    private readonly GitRepository _repository;

    internal GitMerges(GitRepository repository)
    {
        _repository = repository;
    }

    private GitRunner Git => _repository.Runner;

    /// <summary>
    /// Merges <paramref name="branch"/> into the current branch with a merge commit (<c>--no-ff</c>) and the given
    /// message. On a conflict the merge is aborted and the conflicting paths are returned.
    /// </summary>
    public async Task<GitMergeResult> MergeAsync(string branch, string message, CancellationToken cancellationToken = default)
    {
        GitArguments.RequireName(branch, "branch");
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        var operation = $"merge {branch}";
        var result = await Git.TryRunAsync(
            operation,
            a => a.Add("merge").Add("--quiet").Add("--no-ff").Add("--no-verify").Add("--no-edit").Add("-m").Add(message)
                .Add(branch),
            cancellationToken).ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            return GitMergeResult.Merged(await _repository.History.RequireHeadAsync(cancellationToken).ConfigureAwait(false));
        }

        var conflicts = await GetUnmergedPathsAsync(cancellationToken).ConfigureAwait(false);
        if (conflicts.Count == 0)
        {
            throw Git.Failure(operation, result);
        }

        await Git.RunAsync("merge --abort", a => a.Add("merge").Add("--abort"), cancellationToken).ConfigureAwait(false);
        return GitMergeResult.Conflict(conflicts);
    }

    /// <summary>
    /// Squash-merges <paramref name="branch"/>: its changes become one ordinary commit with the given message on the
    /// current branch (no commit, and a null hash, when it brings no change). On a conflict the working tree is reset
    /// to HEAD and the conflicting paths are returned.
    /// </summary>
    public async Task<GitMergeResult> SquashMergeAsync(
        string branch,
        string message,
        CancellationToken cancellationToken = default)
    {
        GitArguments.RequireName(branch, "branch");
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        var operation = $"merge --squash {branch}";
        var result = await Git.TryRunAsync(
            operation,
            a => a.Add("merge").Add("--quiet").Add("--squash").Add("--no-verify").Add(branch),
            cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            var conflicts = await GetUnmergedPathsAsync(cancellationToken).ConfigureAwait(false);
            if (conflicts.Count == 0)
            {
                throw Git.Failure(operation, result);
            }

            // A squash leaves no MERGE_HEAD, so "merge --abort" does not apply; the tree was clean before.
            await Git.RunAsync("reset --merge", a => a.Add("reset").Add("--quiet").Add("--merge"), cancellationToken)
                .ConfigureAwait(false);
            return GitMergeResult.Conflict(conflicts);
        }

        var workTree = _repository.WorkTree;
        if (!await workTree.HasStagedChangesAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return GitMergeResult.Merged(null);
        }

        return GitMergeResult.Merged(await workTree.CommitAsync(message, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Rebases the current branch onto <paramref name="upstream"/>. On a conflict the rebase is aborted, so the
    /// branch and working tree are back where they were, and the conflicting paths (of the commit that could not be
    /// replayed) are returned. Other failures (a dirty working tree, an unknown upstream) raise <see cref="GitException"/>.
    /// </summary>
    public async Task<GitRebaseResult> RebaseAsync(string upstream, CancellationToken cancellationToken = default)
    {
        GitArguments.RequireName(upstream, "upstream");
        var operation = $"rebase {upstream}";
        var result = await Git.TryRunAsync(
            operation,
            a => a.Add("rebase").Add("--quiet").Add("--no-autostash").Add(upstream),
            cancellationToken).ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            return GitRebaseResult.Rebased(await _repository.History.RequireHeadAsync(cancellationToken).ConfigureAwait(false));
        }

        var conflicts = await GetUnmergedPathsAsync(cancellationToken).ConfigureAwait(false);
        if (await IsRebaseInProgressAsync(cancellationToken).ConfigureAwait(false))
        {
            await AbortRebaseAsync(cancellationToken).ConfigureAwait(false);
        }

        return conflicts.Count > 0 ? GitRebaseResult.Conflict(conflicts) : throw Git.Failure(operation, result);
    }

    /// <summary>Abandons a rebase in progress, putting the branch back where it was.</summary>
    public async Task AbortRebaseAsync(CancellationToken cancellationToken = default) =>
        await Git.RunAsync("rebase --abort", a => a.Add("rebase").Add("--abort"), cancellationToken).ConfigureAwait(false);

    /// <summary>Whether a rebase was left half done (by a process that was killed while rebasing).</summary>
    public async Task<bool> IsRebaseInProgressAsync(CancellationToken cancellationToken = default) =>
        IsRebaseInProgress(await _repository.GetGitDirectoryAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Whether a rebase was left half done, given the repository's git directory.</summary>
    public static bool IsRebaseInProgress(string gitDirectory) =>
        Directory.Exists(Path.Combine(gitDirectory, "rebase-merge")) ||
        Directory.Exists(Path.Combine(gitDirectory, "rebase-apply"));

    private async Task<List<string>> GetUnmergedPathsAsync(CancellationToken cancellationToken)
    {
        var result = await Git.RunAsync(
            "diff --diff-filter=U",
            a => a.Add("diff").Add("--name-only").Add("--no-renames").Add("--diff-filter=U").Add("-z"),
            cancellationToken).ConfigureAwait(false);
        return [.. result.Records().Distinct(StringComparer.Ordinal)];
    }
}
