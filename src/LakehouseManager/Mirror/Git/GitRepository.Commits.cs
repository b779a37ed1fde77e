namespace LakehouseManager.Mirror.Git;

public sealed partial class GitRepository
{
    /// <summary>
    /// Stages every change under <paramref name="folder"/> (the whole repository when empty): new, modified and
    /// deleted files alike (<c>add -A</c>). A folder that exists neither on disk nor in the index has nothing to stage.
    /// </summary>
    public async Task StageAsync(string? folder = null, CancellationToken cancellationToken = default)
    {
        var pathspec = Pathspec(folder);
        if (pathspec.Length > 0 && !System.IO.Directory.Exists(Path.Combine(Directory, pathspec[0])) &&
            !File.Exists(Path.Combine(Directory, pathspec[0])) &&
            (await ListIndexFilesAsync(folder, cancellationToken).ConfigureAwait(false)).Count == 0)
        {
            return;
        }

        await RunAsync("add -A", a => a.Add("add").Add("-A").Add("--").Add(pathspec), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Commits the index with the message (passed on standard input, never through a shell; hooks are skipped so
    /// that nothing rewrites the mirror's bytes or message) and returns the new commit's hash. Fails when nothing is
    /// staged: check <see cref="HasStagedChangesAsync"/> first.
    /// </summary>
    public async Task<string> CommitAsync(string message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        await RunAsync(
            "commit",
            a => a.Add("commit").Add("--quiet").Add("--no-verify").Add("--cleanup=whitespace").Add("--file=-"),
            cancellationToken,
            standardInput: message).ConfigureAwait(false);
        return await RequireHeadAsync(cancellationToken).ConfigureAwait(false);
    }
}
