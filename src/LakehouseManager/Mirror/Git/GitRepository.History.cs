namespace LakehouseManager.Mirror.Git;

public sealed partial class GitRepository
{
    /// <summary>
    /// Rebases the current branch onto <paramref name="upstream"/>. On a conflict the rebase is aborted, so the
    /// branch and working tree are back where they were, and the conflicting paths (of the commit that could not be
    /// replayed) are returned. Other failures (a dirty working tree, an unknown upstream) raise <see cref="GitException"/>.
    /// </summary>
    public async Task<GitRebaseResult> RebaseAsync(string upstream, CancellationToken cancellationToken = default)
    {
        RequireName(upstream, "upstream");
        var operation = $"rebase {upstream}";
        var result = await TryRunAsync(
            operation,
            a => a.Add("rebase").Add("--quiet").Add("--no-autostash").Add(upstream),
            cancellationToken).ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            return GitRebaseResult.Rebased(await RequireHeadAsync(cancellationToken).ConfigureAwait(false));
        }

        var conflicts = await GetUnmergedPathsAsync(cancellationToken).ConfigureAwait(false);
        if (await IsRebaseInProgressAsync(cancellationToken).ConfigureAwait(false))
        {
            await AbortRebaseAsync(cancellationToken).ConfigureAwait(false);
        }

        return conflicts.Count > 0
            ? GitRebaseResult.Conflict(conflicts)
            : throw new GitException(operation, Directory, result.StandardError, result.ExitCode);
    }

    /// <summary>
    /// Merges <paramref name="branch"/> into the current branch with a merge commit (<c>--no-ff</c>) and the given
    /// message. On a conflict the merge is aborted and the conflicting paths are returned.
    /// </summary>
    public async Task<GitMergeResult> MergeAsync(string branch, string message, CancellationToken cancellationToken = default)
    {
        RequireName(branch, "branch");
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        var operation = $"merge {branch}";
        var result = await TryRunAsync(
            operation,
            a => a.Add("merge").Add("--quiet").Add("--no-ff").Add("--no-verify").Add("--no-edit").Add("-m").Add(message)
                .Add(branch),
            cancellationToken).ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            return GitMergeResult.Merged(await RequireHeadAsync(cancellationToken).ConfigureAwait(false));
        }

        var conflicts = await GetUnmergedPathsAsync(cancellationToken).ConfigureAwait(false);
        if (conflicts.Count == 0)
        {
            throw new GitException(operation, Directory, result.StandardError, result.ExitCode);
        }

        await RunAsync("merge --abort", a => a.Add("merge").Add("--abort"), cancellationToken).ConfigureAwait(false);
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
        RequireName(branch, "branch");
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        var operation = $"merge --squash {branch}";
        var result = await TryRunAsync(
            operation,
            a => a.Add("merge").Add("--quiet").Add("--squash").Add("--no-verify").Add(branch),
            cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            var conflicts = await GetUnmergedPathsAsync(cancellationToken).ConfigureAwait(false);
            if (conflicts.Count == 0)
            {
                throw new GitException(operation, Directory, result.StandardError, result.ExitCode);
            }

            // A squash leaves no MERGE_HEAD, so "merge --abort" does not apply; the tree was clean before.
            await RunAsync("reset --merge", a => a.Add("reset").Add("--quiet").Add("--merge"), cancellationToken)
                .ConfigureAwait(false);
            return GitMergeResult.Conflict(conflicts);
        }

        if (!await HasStagedChangesAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return GitMergeResult.Merged(null);
        }

        return GitMergeResult.Merged(await CommitAsync(message, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Whether <paramref name="ancestor"/> is reachable from <paramref name="descendant"/> (a commit is its
    /// own ancestor).</summary>
    public async Task<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken cancellationToken = default)
    {
        RequireName(ancestor, "revision");
        RequireName(descendant, "revision");
        var operation = $"merge-base --is-ancestor {ancestor} {descendant}";
        var result = await TryRunAsync(
            operation,
            a => a.Add("merge-base").Add("--is-ancestor").Add(ancestor).Add(descendant),
            cancellationToken).ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => true,
            1 => false,
            _ => throw new GitException(operation, Directory, result.StandardError, result.ExitCode),
        };
    }

    /// <summary>The best common ancestor of two commits, or null when their histories are unrelated.</summary>
    public async Task<string?> MergeBaseAsync(string first, string second, CancellationToken cancellationToken = default)
    {
        RequireName(first, "revision");
        RequireName(second, "revision");
        var operation = $"merge-base {first} {second}";
        var result = await TryRunAsync(operation, a => a.Add("merge-base").Add(first).Add(second), cancellationToken)
            .ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => result.StandardOutput.TrimEnd('\n'),
            1 when result.StandardError.Length == 0 => null,
            _ => throw new GitException(operation, Directory, result.StandardError, result.ExitCode),
        };
    }

    private async Task<string> RequireHeadAsync(CancellationToken cancellationToken) =>
        await RevParseAsync("HEAD^{commit}", cancellationToken).ConfigureAwait(false)
        ?? throw new GitException("rev-parse HEAD", Directory, "HEAD does not point at a commit.");

    private async Task<List<string>> GetUnmergedPathsAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(
            "diff --diff-filter=U",
            a => a.Add("diff").Add("--name-only").Add("--no-renames").Add("--diff-filter=U").Add("-z"),
            cancellationToken).ConfigureAwait(false);
        return [.. SplitNul(result.StandardOutput).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Whether a rebase was left half done (by a process that was killed while rebasing).</summary>
    public async Task<bool> IsRebaseInProgressAsync(CancellationToken cancellationToken = default) =>
        IsRebaseInProgress(await GetGitDirectoryAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Whether a rebase was left half done, given the repository's git directory.</summary>
    public static bool IsRebaseInProgress(string gitDirectory) =>
        System.IO.Directory.Exists(Path.Combine(gitDirectory, "rebase-merge")) ||
        System.IO.Directory.Exists(Path.Combine(gitDirectory, "rebase-apply"));
}
