namespace LakehouseManager.Mirror.Git;

/// <summary>
/// The working tree and its index: which branch is checked out, what changed, staging exactly what the mirror wrote,
/// committing the index, and putting the tree back (switch, reset, clean).
/// </summary>
public sealed class GitWorkTree
{
    private readonly GitRepository _repository;

    internal GitWorkTree(GitRepository repository)
    {
        _repository = repository;
    }

    private GitRunner Git => _repository.Runner;

    /// <summary>The checked-out branch, or null when HEAD is detached. An unborn branch (no commit yet) is returned.</summary>
    public async Task<string?> GetCurrentBranchAsync(CancellationToken cancellationToken = default)
    {
        const string Operation = "symbolic-ref HEAD";
        var result = await Git.TryRunAsync(
            Operation, a => a.Add("symbolic-ref").Add("--quiet").Add("--short").Add("HEAD"), cancellationToken)
            .ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => result.StandardOutput.TrimEnd('\n'),
            1 => null,
            _ => throw Git.Failure(Operation, result),
        };
    }

    /// <summary>
    /// Names the branch the first commit of a repository without commits will start (an unborn HEAD, e.g. a clone of
    /// an empty repository whose HEAD names another branch). A repository with commits is refused.
    /// </summary>
    public async Task StartUnbornBranchAsync(string branch, CancellationToken cancellationToken = default)
    {
        GitArguments.RequireName(branch, "branch");
        const string Operation = "symbolic-ref HEAD";
        if (await _repository.History.RevParseAsync("HEAD", cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new GitException(Operation, _repository.Directory, "HEAD points at a commit already: only a repository without commits can start a branch this way.");
        }

        await Git.RunAsync(
            Operation, a => a.Add("symbolic-ref").Add("HEAD").Add("refs/heads/" + branch), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Switches the working tree to an existing local branch. A file git could not replace (no permission) makes the
    /// switch fail here, although git itself then exits with 0 having moved HEAD: it reports "error: unable to unlink
    /// old ..." and leaves that file as it was, so the checkout is half switched.
    /// </summary>
    public async Task CheckoutAsync(string branch, CancellationToken cancellationToken = default)
    {
        GitArguments.RequireName(branch, "branch");
        var operation = $"switch {branch}";
        var result = await Git.RunAsync(
            operation, a => a.Add("switch").Add("--quiet").Add("--no-guess").Add(branch), cancellationToken)
            .ConfigureAwait(false);
        var errors = result.StandardError.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        if (errors.Count > 0)
        {
            throw new GitException(operation, _repository.Directory, string.Join("\n", errors));
        }
    }

    /// <summary>Moves the current branch, the index and the working tree to <paramref name="rev"/>, discarding
    /// tracked changes (untracked files stay).</summary>
    public async Task ResetHardAsync(string rev, CancellationToken cancellationToken = default)
    {
        GitArguments.RequireName(rev, "revision");
        await Git.RunAsync(
            $"reset --hard {rev}", a => a.Add("reset").Add("--quiet").Add("--hard").Add(rev).Add("--"), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Deletes the untracked files and folders under a folder (not ignored ones).</summary>
    public async Task CleanAsync(string? folder, CancellationToken cancellationToken = default) =>
        await Git.RunAsync(
            "clean",
            a => a.Add("clean").Add("-f").Add("-d").Add("--quiet").Add("--").Add(GitArguments.Pathspec(folder)),
            cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The changed, staged and untracked files (ignored files excluded), from <c>git status --porcelain=v1 -z</c>;
    /// limited to <paramref name="folder"/> when given. Untracked folders are listed file by file.
    /// </summary>
    public async Task<IReadOnlyList<GitStatusEntry>> GetStatusAsync(
        string? folder = null,
        CancellationToken cancellationToken = default)
    {
        var result = await Git.RunAsync(
            "status",
            a => a.Add("--no-optional-locks").Add("status").Add("--porcelain=v1").Add("-z")
                .Add("--untracked-files=all").Add("--ignored=no").Add("--no-renames").Add("--").Add(GitArguments.Pathspec(folder)),
            cancellationToken).ConfigureAwait(false);
        return GitStatusEntry.ParseAll(result.Records(), _repository.Directory);
    }

    /// <summary>Whether the working tree has no change at all (an untracked file counts as a change).</summary>
    public async Task<bool> IsCleanAsync(string? folder = null, CancellationToken cancellationToken = default) =>
        (await GetStatusAsync(folder, cancellationToken).ConfigureAwait(false)).Count == 0;

    /// <summary>The paths that make the working tree dirty, in git's order.</summary>
    public async Task<IReadOnlyList<string>> GetDirtyPathsAsync(
        string? folder = null,
        CancellationToken cancellationToken = default) =>
        [.. (await GetStatusAsync(folder, cancellationToken).ConfigureAwait(false)).Select(e => e.Path)];

    /// <summary>The files in the index under <paramref name="folder"/>.</summary>
    public async Task<IReadOnlyList<string>> ListIndexFilesAsync(
        string? folder = null,
        CancellationToken cancellationToken = default)
    {
        var result = await Git.RunAsync(
            "ls-files",
            a => a.Add("ls-files").Add("-z").Add("--cached").Add("--full-name").Add("--").Add(GitArguments.Pathspec(folder)),
            cancellationToken).ConfigureAwait(false);
        return [.. result.Records().Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The git attributes of the given paths (repository-relative), read with git's own rules (<c>.gitattributes</c>
    /// files, <c>info/attributes</c>): path to attribute to value, where the value is <c>set</c>, <c>unset</c>,
    /// <c>unspecified</c> or the attribute's value.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> CheckAttributesAsync(
        IReadOnlyCollection<string> paths, IReadOnlyList<string> attributes, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (paths.Count == 0)
        {
            return result;
        }

        var output = await Git.RunAsync(
            "check-attr",
            a => a.Add("check-attr").Add("-z").Add("--stdin").Add(attributes),
            cancellationToken,
            string.Concat(paths.Select(p => p + "\0"))).ConfigureAwait(false);

        // -z: "<path> NUL <attribute> NUL <value> NUL" for every path and attribute.
        var fields = output.Records();
        for (var i = 0; i + 2 < fields.Count; i += 3)
        {
            if (!result.TryGetValue(fields[i], out var values))
            {
                values = new Dictionary<string, string>(StringComparer.Ordinal);
                result[fields[i]] = values;
            }

            ((Dictionary<string, string>)values)[fields[i + 1]] = fields[i + 2];
        }

        return result;
    }

    /// <summary>
    /// Stages every change under <paramref name="folder"/> (the whole repository when empty): new, modified and
    /// deleted files alike (<c>add -A</c>). A folder that exists neither on disk nor in the index has nothing to stage.
    /// </summary>
    public async Task StageAsync(string? folder = null, CancellationToken cancellationToken = default)
    {
        var pathspec = GitArguments.Pathspec(folder);
        if (pathspec.Length > 0 && !Path.Exists(Path.Combine(_repository.Directory, pathspec[0])) &&
            (await ListIndexFilesAsync(folder, cancellationToken).ConfigureAwait(false)).Count == 0)
        {
            return;
        }

        await Git.RunAsync("add -A", a => a.Add("add").Add("-A").Add("--").Add(pathspec), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Stages exactly the given paths (repository-relative): the written ones are added even where a
    /// <c>.gitignore</c> rule would hide them, the deleted ones are removed from the index (a path git never tracked is
    /// fine). The paths go to git on standard input, so any number of them fits.
    /// </summary>
    public async Task StagePathsAsync(
        IReadOnlyCollection<string> written, IReadOnlyCollection<string> deleted, CancellationToken cancellationToken = default)
    {
        if (written.Count > 0)
        {
            await Git.RunAsync(
                "add -f",
                a => a.Add("add").Add("-f").Add("--pathspec-from-file=-").Add("--pathspec-file-nul"),
                cancellationToken,
                string.Concat(written.Select(p => p + "\0"))).ConfigureAwait(false);
        }

        if (deleted.Count > 0)
        {
            await Git.RunAsync(
                "rm --cached",
                a => a.Add("rm").Add("--cached").Add("--quiet").Add("--ignore-unmatch").Add("--pathspec-from-file=-")
                    .Add("--pathspec-file-nul"),
                cancellationToken,
                string.Concat(deleted.Select(p => p + "\0"))).ConfigureAwait(false);
        }
    }

    /// <summary>Whether the index holds staged changes against HEAD (under the folder, when given).</summary>
    public async Task<bool> HasStagedChangesAsync(string? folder = null, CancellationToken cancellationToken = default)
    {
        const string Operation = "diff --cached";
        var result = await Git.TryRunAsync(
            Operation,
            a => a.Add("diff").Add("--cached").Add("--quiet").Add("--no-ext-diff").Add("--").Add(GitArguments.Pathspec(folder)),
            cancellationToken).ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => false,
            1 => true,
            _ => throw Git.Failure(Operation, result),
        };
    }

    /// <summary>
    /// Commits the index with the message (passed on standard input, never through a shell; hooks are skipped so
    /// that nothing rewrites the mirror's bytes or message) and returns the new commit's hash. The commit's dates come
    /// from the options' clock. Fails when nothing is staged: check <see cref="HasStagedChangesAsync"/> first.
    /// </summary>
    public async Task<string> CommitAsync(string message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        await Git.RunAsync(
            "commit",
            a => a.Add("commit").Add("--quiet").Add("--no-verify").Add("--cleanup=whitespace").Add("--file=-"),
            cancellationToken,
            standardInput: message).ConfigureAwait(false);
        return await _repository.History.RequireHeadAsync(cancellationToken).ConfigureAwait(false);
    }
}
