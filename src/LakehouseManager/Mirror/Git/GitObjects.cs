namespace LakehouseManager.Mirror.Git;

/// <summary>
/// Trees and blobs: the files at a commit, their exact bytes, and the paths (or the diff text) that differ between two
/// commits. Nothing here reads or changes the working tree, except <see cref="DiffNamesAsync"/> when asked to compare
/// with it.
/// </summary>
public sealed class GitObjects
{
    private readonly GitRepository _repository;

    internal GitObjects(GitRepository repository)
    {
        _repository = repository;
    }

    private GitRunner Git => _repository.Runner;

    /// <summary>The files (blobs) tracked at <paramref name="rev"/> under <paramref name="folder"/>, recursively.</summary>
    public async Task<IReadOnlyList<string>> ListTreeFilesAsync(
        string rev,
        string? folder = null,
        CancellationToken cancellationToken = default)
    {
        GitArguments.RequireName(rev, "revision");
        var result = await Git.RunAsync(
            $"ls-tree {rev}",
            a => a.Add("ls-tree").Add("-r").Add("-z").Add("--name-only").Add("--full-tree").Add(rev).Add("--")
                .Add(GitArguments.Pathspec(folder)),
            cancellationToken).ConfigureAwait(false);
        return result.Records();
    }

    /// <summary>
    /// The entries (files, links, submodules) tracked at <paramref name="rev"/> under <paramref name="folder"/>,
    /// recursively, with their modes, so that a link is told from a file without a working tree.
    /// </summary>
    public async Task<IReadOnlyList<GitTreeEntry>> ListTreeEntriesAsync(
        string rev,
        string? folder = null,
        CancellationToken cancellationToken = default)
    {
        GitArguments.RequireName(rev, "revision");
        var result = await Git.RunAsync(
            $"ls-tree {rev}",
            a => a.Add("ls-tree").Add("-r").Add("-z").Add("--full-tree").Add(rev).Add("--").Add(GitArguments.Pathspec(folder)),
            cancellationToken).ConfigureAwait(false);
        return [.. result.Records().Select(GitTreeEntry.Parse)];
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
        GitArguments.RequireName(rev, "revision");
        var unique = paths.Distinct(StringComparer.Ordinal).ToList();
        foreach (var path in unique)
        {
            if (path.Length == 0 || path.Contains('\n', StringComparison.Ordinal) || path.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{path}' is not a path git can read in batch mode.", nameof(paths));
            }
        }

        var commit = await _repository.History.RequireCommitAsync(rev, $"cat-file {rev}", cancellationToken).ConfigureAwait(false);
        var files = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        if (unique.Count == 0)
        {
            return files;
        }

        var result = await Git.RunAsync(
            "cat-file --batch",
            a => a.Add("cat-file").Add("--batch"),
            cancellationToken,
            string.Concat(unique.Select(p => $"{commit}:{p}\n"))).ConfigureAwait(false);
        var reader = new CatFileBatchReader(result.Bytes);
        foreach (var path in unique)
        {
            files[path] = reader.ReadNext();
        }

        return files;
    }

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
        GitArguments.RequireName(from, "revision");
        if (to is not null)
        {
            GitArguments.RequireName(to, "revision");
        }

        var result = await Git.RunAsync(
            $"diff {from} {to ?? "(working tree)"}",
            a => a.Add("diff").Add("--name-only").Add("--no-renames").Add("--no-ext-diff").Add("-z").Add(from)
                .Add(to is null ? [] : [to]).Add("--").Add(GitArguments.Pathspec(folder)),
            cancellationToken).ConfigureAwait(false);
        return result.Records();
    }

    /// <summary>
    /// The unified diff between two revisions under a folder, as a reviewer reads a pull request (for people, never
    /// parsed): <c>DiffTextAsync("main...dev")</c> compares <c>dev</c> with the point where it left <c>main</c>.
    /// </summary>
    public async Task<string> DiffTextAsync(string range, string? folder = null, CancellationToken cancellationToken = default)
    {
        GitArguments.RequireName(range, "revision range");
        var result = await Git.RunAsync(
            $"diff {range}",
            a => a.Add("diff").Add("--no-color").Add("--no-renames").Add("--no-ext-diff").Add(range).Add("--")
                .Add(GitArguments.Pathspec(folder)),
            cancellationToken).ConfigureAwait(false);
        return result.StandardOutput;
    }
}
