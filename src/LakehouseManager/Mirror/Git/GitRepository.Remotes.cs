namespace LakehouseManager.Mirror.Git;

public sealed partial class GitRepository
{
    /// <summary>Adds a remote (a URL or a path).</summary>
    public async Task AddRemoteAsync(string name, string url, CancellationToken cancellationToken = default)
    {
        RequireName(name, "remote");
        ArgumentException.ThrowIfNullOrEmpty(url);
        await RunAsync(
            $"remote add {name}",
            a =>
            {
                a.Add("remote").Add("add").Add("--").Add(name);
                AddUrl(a, url);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Fetches one branch into its remote-tracking ref <c>refs/remotes/&lt;remote&gt;/&lt;branch&gt;</c> (forced, as
    /// a remote branch may be rewritten), or every branch (pruning deleted ones) when <paramref name="branch"/> is
    /// null. Fails when the branch does not exist on the remote.
    /// </summary>
    public async Task FetchAsync(string remote, string? branch = null, CancellationToken cancellationToken = default)
    {
        RequireName(remote, "remote");
        if (branch is null)
        {
            await RunAsync(
                $"fetch {remote}",
                a => a.Add("fetch").Add("--quiet").Add("--no-tags").Add("--prune").Add(remote),
                cancellationToken).ConfigureAwait(false);
            return;
        }

        RequireName(branch, "branch");
        await RunAsync(
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
        RequireName(remote, "remote");
        RequireName(branch, "branch");
        var result = await TryRunAsync(
            $"ls-remote {remote} {branch}",
            a => a.Add("ls-remote").Add("--exit-code").Add("--heads").Add(remote).Add("refs/heads/" + branch),
            cancellationToken).ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => true,
            2 => false,
            _ => throw new GitException($"ls-remote {remote} {branch}", Directory, result.StandardError, result.ExitCode),
        };
    }

    /// <summary>
    /// Pushes the local branch to the same branch on the remote, never forced. A rejection because the remote branch
    /// moved (someone pushed meanwhile) is returned as <see cref="GitPushStatus.RemoteMoved"/>: fetch, rebase and
    /// retry. Any other failure (authentication, a hook, a protected branch) raises <see cref="GitException"/>.
    /// </summary>
    public async Task<GitPushResult> PushAsync(string remote, string branch, CancellationToken cancellationToken = default)
    {
        RequireName(remote, "remote");
        RequireName(branch, "branch");
        var operation = $"push {remote} {branch}";
        var refspec = $"refs/heads/{branch}:refs/heads/{branch}";
        var result = await TryRunAsync(
            operation,
            a => a.Add("push").Add("--porcelain").Add(remote).Add(refspec),
            cancellationToken).ConfigureAwait(false);

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
        throw new GitException(operation, Directory, detail, result.ExitCode);
    }
}
