namespace LakehouseManager.Mirror.Git;

public sealed partial class GitRepository
{
    /// <summary>
    /// The changed, staged and untracked files (ignored files excluded), from <c>git status --porcelain=v1 -z</c>;
    /// limited to <paramref name="folder"/> when given. Untracked folders are listed file by file.
    /// </summary>
    public async Task<IReadOnlyList<GitStatusEntry>> GetStatusAsync(
        string? folder = null,
        CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(
            "status",
            a => a.Add("--no-optional-locks").Add("status").Add("--porcelain=v1").Add("-z")
                .Add("--untracked-files=all").Add("--ignored=no").Add("--no-renames").Add("--").Add(Pathspec(folder)),
            cancellationToken).ConfigureAwait(false);
        return ParseStatus(result.StandardOutput, Directory);
    }

    /// <summary>Whether the working tree has no change at all (an untracked file counts as a change).</summary>
    public async Task<bool> IsCleanAsync(string? folder = null, CancellationToken cancellationToken = default) =>
        (await GetStatusAsync(folder, cancellationToken).ConfigureAwait(false)).Count == 0;

    /// <summary>The paths that make the working tree dirty, in git's order.</summary>
    public async Task<IReadOnlyList<string>> GetDirtyPathsAsync(
        string? folder = null,
        CancellationToken cancellationToken = default) =>
        [.. (await GetStatusAsync(folder, cancellationToken).ConfigureAwait(false)).Select(e => e.Path)];

    /// <summary>Whether the index holds staged changes against HEAD (under the folder, when given).</summary>
    public async Task<bool> HasStagedChangesAsync(string? folder = null, CancellationToken cancellationToken = default)
    {
        var result = await TryRunAsync(
            "diff --cached",
            a => a.Add("diff").Add("--cached").Add("--quiet").Add("--no-ext-diff").Add("--").Add(Pathspec(folder)),
            cancellationToken).ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => false,
            1 => true,
            _ => throw new GitException("diff --cached", Directory, result.StandardError, result.ExitCode),
        };
    }

    private static List<GitStatusEntry> ParseStatus(string output, string repository)
    {
        var records = SplitNul(output);
        var entries = new List<GitStatusEntry>();
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record.Length < 4 || record[2] != ' ')
            {
                throw new GitException("status", repository, $"Unexpected status line '{record}'.");
            }

            var (x, y, path) = (record[0], record[1], record[3..]);
            string? original = null;
            if (x is 'R' or 'C' || y is 'R' or 'C')
            {
                // A rename or copy is followed by a second record: the path it came from.
                original = i + 1 < records.Count ? records[++i] : null;
            }

            entries.Add(new GitStatusEntry(path, x, y, original));
        }

        return entries;
    }
}
