namespace LakehouseManager.Mirror.Git;

public sealed partial class GitRepository
{
    /// <summary>The checked-out branch, or null when HEAD is detached. An unborn branch (no commit yet) is returned.</summary>
    public async Task<string?> GetCurrentBranchAsync(CancellationToken cancellationToken = default)
    {
        var result = await TryRunAsync(
            "symbolic-ref HEAD",
            a => a.Add("symbolic-ref").Add("--quiet").Add("--short").Add("HEAD"),
            cancellationToken).ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => result.StandardOutput.TrimEnd('\n'),
            1 => null,
            _ => throw new GitException("symbolic-ref HEAD", Directory, result.StandardError, result.ExitCode),
        };
    }

    /// <summary>
    /// The object name a revision resolves to, or null when it does not exist. Append <c>^{commit}</c> to require
    /// a commit (e.g. <c>HEAD^{commit}</c> is null on an unborn branch).
    /// </summary>
    public async Task<string?> RevParseAsync(string rev, CancellationToken cancellationToken = default)
    {
        RequireName(rev, "revision");
        var result = await TryRunAsync(
            $"rev-parse {rev}",
            a => a.Add("rev-parse").Add("--verify").Add("--quiet").Add("--end-of-options").Add(rev),
            cancellationToken).ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => result.StandardOutput.TrimEnd('\n'),
            1 => null,
            _ => throw new GitException($"rev-parse {rev}", Directory, result.StandardError, result.ExitCode),
        };
    }

    /// <summary>Whether the local branch <c>refs/heads/&lt;branch&gt;</c> exists.</summary>
    public async Task<bool> LocalBranchExistsAsync(string branch, CancellationToken cancellationToken = default) =>
        await RefExistsAsync("refs/heads/" + RequireName(branch, "branch"), cancellationToken).ConfigureAwait(false);

    /// <summary>Whether the remote-tracking branch <c>refs/remotes/&lt;remote&gt;/&lt;branch&gt;</c> exists (as of
    /// the last fetch; <see cref="RemoteBranchExistsAsync"/> asks the remote itself).</summary>
    public async Task<bool> RemoteTrackingBranchExistsAsync(
        string remote,
        string branch,
        CancellationToken cancellationToken = default) =>
        await RefExistsAsync(
            $"refs/remotes/{RequireName(remote, "remote")}/{RequireName(branch, "branch")}",
            cancellationToken).ConfigureAwait(false);

    /// <summary>Switches the working tree to an existing local branch.</summary>
    public async Task CheckoutAsync(string branch, CancellationToken cancellationToken = default)
    {
        RequireName(branch, "branch");
        await RunAsync(
            $"switch {branch}",
            a => a.Add("switch").Add("--quiet").Add("--no-guess").Add(branch),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a local branch at <paramref name="startPoint"/> (not tracking anything); fails when it exists
    /// unless <paramref name="force"/> moves it.</summary>
    public async Task CreateBranchAsync(
        string branch,
        string startPoint,
        bool force = false,
        CancellationToken cancellationToken = default)
    {
        RequireName(branch, "branch");
        RequireName(startPoint, "start point");
        await RunAsync(
            $"branch {branch} {startPoint}",
            a => a.Add("branch").Add("--no-track").Add(force ? ["--force"] : []).Add(branch).Add(startPoint),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves the current branch, the index and the working tree to <paramref name="rev"/>, discarding
    /// tracked changes (untracked files stay).</summary>
    public async Task ResetHardAsync(string rev, CancellationToken cancellationToken = default)
    {
        RequireName(rev, "revision");
        await RunAsync(
            $"reset --hard {rev}",
            a => a.Add("reset").Add("--quiet").Add("--hard").Add(rev).Add("--"),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> RefExistsAsync(string fullRef, CancellationToken cancellationToken)
    {
        var result = await TryRunAsync(
            $"show-ref {fullRef}",
            a => a.Add("show-ref").Add("--verify").Add("--quiet").Add(fullRef),
            cancellationToken).ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => true,
            1 => false,
            _ => throw new GitException($"show-ref {fullRef}", Directory, result.StandardError, result.ExitCode),
        };
    }
}
