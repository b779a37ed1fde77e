namespace LakehouseManager.Mirror.Git;

public sealed partial class GitRepository
{
    /// <summary>
    /// The paths that differ between two commits (<paramref name="to"/> null: between <paramref name="from"/> and the
    /// working tree's tracked files), under <paramref name="folder"/> when given. Renames are reported as a deletion
    /// and an addition, so both paths are listed.
    /// </summary>
    public async Task<IReadOnlyList<string>> DiffNamesAsync(
        string from,
        string? to,
        string? folder = null,
        CancellationToken cancellationToken = default)
    {
        RequireName(from, "revision");
        if (to is not null)
        {
            RequireName(to, "revision");
        }

        var result = await RunAsync(
            $"diff {from} {to ?? "(working tree)"}",
            a => a.Add("diff").Add("--name-only").Add("--no-renames").Add("--no-ext-diff").Add("-z").Add(from)
                .Add(to is null ? [] : [to]).Add("--").Add(Pathspec(folder)),
            cancellationToken).ConfigureAwait(false);
        return SplitNul(result.StandardOutput);
    }

    /// <summary>The files (blobs) tracked at <paramref name="rev"/> under <paramref name="folder"/>, recursively.</summary>
    public async Task<IReadOnlyList<string>> ListTreeFilesAsync(
        string rev,
        string? folder = null,
        CancellationToken cancellationToken = default)
    {
        RequireName(rev, "revision");
        var result = await RunAsync(
            $"ls-tree {rev}",
            a => a.Add("ls-tree").Add("-r").Add("-z").Add("--name-only").Add("--full-tree").Add(rev).Add("--")
                .Add(Pathspec(folder)),
            cancellationToken).ConfigureAwait(false);
        return SplitNul(result.StandardOutput);
    }

    /// <summary>The files in the index under <paramref name="folder"/>.</summary>
    public async Task<IReadOnlyList<string>> ListIndexFilesAsync(
        string? folder = null,
        CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(
            "ls-files",
            a => a.Add("ls-files").Add("-z").Add("--cached").Add("--full-name").Add("--").Add(Pathspec(folder)),
            cancellationToken).ConfigureAwait(false);
        return [.. SplitNul(result.StandardOutput).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A file's bytes at a commit, exactly as stored, or null when no file has that path there.</summary>
    public async Task<byte[]?> ReadFileAsync(string rev, string path, CancellationToken cancellationToken = default)
    {
        var files = await ReadFilesAsync(rev, [path], cancellationToken).ConfigureAwait(false);
        return files[path];
    }

    /// <summary>
    /// Several files' bytes at a commit in one git call (<c>cat-file --batch</c>); a path with no file there maps to
    /// null. Paths are relative to the repository root, <c>/</c>-separated.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, byte[]?>> ReadFilesAsync(
        string rev,
        IEnumerable<string> paths,
        CancellationToken cancellationToken = default)
    {
        RequireName(rev, "revision");
        var unique = paths.Distinct(StringComparer.Ordinal).ToList();
        foreach (var path in unique)
        {
            if (path.Length == 0 || path.Contains('\n', StringComparison.Ordinal) || path.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{path}' is not a path git can read in batch mode.", nameof(paths));
            }
        }

        var commit = await RevParseAsync(rev + "^{commit}", cancellationToken).ConfigureAwait(false)
            ?? throw new GitException($"cat-file {rev}", Directory, $"'{rev}' is not a commit in this repository.");
        var files = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        if (unique.Count == 0)
        {
            return files;
        }

        var input = string.Concat(unique.Select(p => $"{commit}:{p}\n"));
        var result = await RunBinaryAsync("cat-file --batch", a => a.Add("cat-file").Add("--batch"), input, cancellationToken)
            .ConfigureAwait(false);
        var reader = new CatFileBatchReader(result.StandardOutput);
        foreach (var path in unique)
        {
            files[path] = reader.ReadNext();
        }

        return files;
    }
}
