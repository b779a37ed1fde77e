namespace LakehouseManager.Mirror.Git;

/// <summary>The operations a sync needs to find its footing again after an interruption, and to read its trailers.</summary>
public sealed partial class GitRepository
{
    /// <summary>Whether a remote of that name is configured.</summary>
    public async Task<bool> HasRemoteAsync(string name, CancellationToken cancellationToken = default)
    {
        RequireName(name, "remote");
        var result = await TryRunAsync(
            $"remote get-url {name}", a => a.Add("remote").Add("get-url").Add(name), cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0;
    }

    /// <summary>The full path of the repository's git directory (<c>.git</c> of a working tree).</summary>
    public async Task<string> GetGitDirectoryAsync(CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(
            "rev-parse --absolute-git-dir", a => a.Add("rev-parse").Add("--absolute-git-dir"), cancellationToken)
            .ConfigureAwait(false);
        return result.StandardOutput.TrimEnd('\n');
    }

    /// <summary>Abandons a rebase in progress, putting the branch back where it was.</summary>
    public async Task AbortRebaseAsync(CancellationToken cancellationToken = default) =>
        await RunAsync("rebase --abort", a => a.Add("rebase").Add("--abort"), cancellationToken).ConfigureAwait(false);

    /// <summary>Deletes the untracked files and folders under a folder (not ignored ones).</summary>
    public async Task CleanAsync(string? folder, CancellationToken cancellationToken = default) =>
        await RunAsync(
            "clean", a => a.Add("clean").Add("-f").Add("-d").Add("--quiet").Add("--").Add(Pathspec(folder)), cancellationToken)
            .ConfigureAwait(false);

    /// <summary>The values of one trailer of a commit, in order (git's own trailer parser reads them).</summary>
    public async Task<IReadOnlyList<string>> ReadTrailersAsync(
        string commit, string key, CancellationToken cancellationToken = default)
    {
        RequireName(commit, "revision");
        var trailer = new GitTrailer(key, "x");
        var result = await RunAsync(
            $"log -1 {commit}",
            a => a.Add("log").Add("-1").Add("--no-show-signature")
                .Add($"--format=%(trailers:key={trailer.Key},valueonly,unfold,separator=%x00)").Add(commit).Add("--"),
            cancellationToken).ConfigureAwait(false);
        return result.StandardOutput.TrimEnd('\n').Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// The commits in <c>since..until</c> (reachable from <paramref name="until"/> but not from
    /// <paramref name="since"/>), newest first, each with whether it carries a <c>Catalog-Commit</c> trailer: a sync
    /// uses it to tell its own commits from anybody else's.
    /// </summary>
    public async Task<IReadOnlyList<(string Commit, bool IsMirrorCommit)>> ListCommitsAsync(
        string since, string until, CancellationToken cancellationToken = default)
    {
        RequireName(since, "revision");
        RequireName(until, "revision");
        var result = await RunAsync(
            $"log {since}..{until}",
            a => a.Add("log").Add("-z").Add("--no-show-signature")
                .Add($"--format=%H%x1F%(trailers:key={GitWatermark.CatalogCommitKey},valueonly,unfold)")
                .Add($"{since}..{until}").Add("--"),
            cancellationToken).ConfigureAwait(false);
        return SplitNul(result.StandardOutput)
            .Select(record => record.TrimStart('\n').Split(FieldSeparator))
            .Select(fields => (fields[0], fields.Length > 1 && fields[1].Trim().Length > 0))
            .ToList();
    }
}
