namespace LakehouseManager.Mirror.Git;

/// <summary>
/// The repository's remotes: which there are, fetching from them, asking them what they have, and pushing to them
/// (a push rejected because the remote moved is a result: fetch, rebase and retry).
/// </summary>
public sealed class GitRemotes
{
    private readonly GitRepository _repository;

    internal GitRemotes(GitRepository repository)
    {
        _repository = repository;
    }

    private GitRunner Git => _repository.Runner;

    /// <summary>The names of the configured remotes.</summary>
    public async Task<IReadOnlyList<string>> ListRemotesAsync(CancellationToken cancellationToken = default)
    {
        var result = await Git.RunAsync("remote", a => a.Add("remote"), cancellationToken).ConfigureAwait(false);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Whether a remote of that name is configured.</summary>
    public async Task<bool> HasRemoteAsync(string name, CancellationToken cancellationToken = default)
    {
        GitArguments.RequireName(name, "remote");
        var result = await Git.TryRunAsync(
            $"remote get-url {name}", a => a.Add("remote").Add("get-url").Add(name), cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0;
    }

    /// <summary>The URL (or path) of a remote, or null when no remote has that name. It may hold a password: never log it as it is.</summary>
    public async Task<string?> GetUrlAsync(string name, CancellationToken cancellationToken = default)
    {
        GitArguments.RequireName(name, "remote");
        var result = await Git.TryRunAsync(
            $"remote get-url {name}", a => a.Add("remote").Add("get-url").Add(name), cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0 ? result.StandardOutput.TrimEnd('\n') : null;
    }

    /// <summary>Adds a remote (a URL or a path); a password in the URL never appears in a message.</summary>
    public async Task AddRemoteAsync(string name, string url, CancellationToken cancellationToken = default)
    {
        GitArguments.RequireName(name, "remote");
        ArgumentException.ThrowIfNullOrEmpty(url);
        await Git.RunAsync(
            $"remote add {name}", a => a.Add("remote").Add("add").Add("--").Add(name).AddUrl(url), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Fetches one branch into its remote-tracking ref <c>refs/remotes/&lt;remote&gt;/&lt;branch&gt;</c> (forced, as
    /// a remote branch may be rewritten), or every branch (pruning deleted ones) when <paramref name="branch"/> is
    /// null. Fails when the branch does not exist on the remote.
    /// </summary>
    public async Task FetchAsync(string remote, string? branch = null, CancellationToken cancellationToken = default)
    {
        GitArguments.RequireName(remote, "remote");
        if (branch is null)
        {
            await Git.RunAsync(
                $"fetch {remote}",
                a => a.Add("fetch").Add("--quiet").Add("--no-tags").Add("--prune").Add(remote),
                cancellationToken).ConfigureAwait(false);
            return;
        }

        GitArguments.RequireName(branch, "branch");
        await Git.RunAsync(
            $"fetch {remote} {branch}",
            a => a.Add("fetch").Add("--quiet").Add("--no-tags").Add(remote)
                .Add($"+refs/heads/{branch}:refs/remotes/{remote}/{branch}"),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the branch exists on the remote right now (asks the remote: <c>ls-remote</c>).</summary>
    public async Task<bool> RemoteBranchExistsAsync(
        string remote,
        string branch,
        CancellationToken cancellationToken = default)
    {
        GitArguments.RequireName(remote, "remote");
        GitArguments.RequireName(branch, "branch");
        var operation = $"ls-remote {remote} {branch}";
        var result = await Git.TryRunAsync(
            operation,
            a => a.Add("ls-remote").Add("--exit-code").Add("--heads").Add(remote).Add("refs/heads/" + branch),
            cancellationToken).ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => true,
            2 => false,
            _ => throw Git.Failure(operation, result),
        };
    }

    /// <summary>Whether the remote-tracking branch <c>refs/remotes/&lt;remote&gt;/&lt;branch&gt;</c> exists (as of
    /// the last fetch; <see cref="RemoteBranchExistsAsync"/> asks the remote itself).</summary>
    public Task<bool> RemoteTrackingBranchExistsAsync(
        string remote,
        string branch,
        CancellationToken cancellationToken = default) =>
        _repository.History.RefExistsAsync(
            $"refs/remotes/{GitArguments.RequireName(remote, "remote")}/{GitArguments.RequireName(branch, "branch")}",
            cancellationToken);

    /// <summary>
    /// Pushes the local branch to the same branch on the remote, never forced. A rejection because the remote branch
    /// moved (someone pushed meanwhile) is returned as <see cref="GitPushStatus.RemoteMoved"/>: fetch, rebase and
    /// retry. Any other failure (authentication, a hook, a protected branch) raises <see cref="GitException"/>.
    /// </summary>
    public async Task<GitPushResult> PushAsync(string remote, string branch, CancellationToken cancellationToken = default)
    {
        GitArguments.RequireName(remote, "remote");
        GitArguments.RequireName(branch, "branch");
        var operation = $"push {remote} {branch}";
        var refspec = $"refs/heads/{branch}:refs/heads/{branch}";
        var result = await Git.TryRunAsync(
            operation, a => a.Add("push").Add("--porcelain").Add(remote).Add(refspec), cancellationToken).ConfigureAwait(false);

        // --porcelain: one "<flag>\t<from>:<to>\t<summary>" line per ref; '!' marks a rejected ref.
        var line = result.StandardOutput.Split('\n')
            .Select(l => l.Split('\t'))
            .FirstOrDefault(f => f.Length >= 3 && f[1] == refspec);
        if (line is not null && line[0] != "!" && result.ExitCode == 0)
        {
            return new GitPushResult(GitPushStatus.Pushed, line[2]);
        }

        // Two pushes that pass the fast-forward check at the same moment: the remote then fails to lock the ref, which
        // moved under it ("cannot lock ref ...: is at X but expected Y"). That is the remote moving too.
        var lostRace = line is not null && line[2].Contains("(failed to update ref)", StringComparison.Ordinal) &&
                       result.StandardError.Contains("but expected", StringComparison.Ordinal);
        if (line is not null && line[0] == "!" &&
            (line[2].Contains("(fetch first)", StringComparison.Ordinal) ||
             line[2].Contains("(non-fast-forward)", StringComparison.Ordinal) || lostRace))
        {
            return new GitPushResult(GitPushStatus.RemoteMoved, line[2]);
        }

        var detail = line is null ? result.StandardError : $"{line[2]}\n{result.StandardError}";
        throw new GitException(operation, _repository.Directory, detail, result.ExitCode);
    }
}
