namespace LakehouseManager.Mirror.Git;

/// <summary>What the sync checks before it trusts a checkout, and the exact staging it needs.</summary>
public sealed partial class GitRepository
{
    /// <summary>The full path of the working tree's top folder (differs from <see cref="Directory"/> in a sub-folder).</summary>
    public async Task<string> GetTopLevelAsync(CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(
            "rev-parse --show-toplevel", a => a.Add("rev-parse").Add("--show-toplevel"), cancellationToken).ConfigureAwait(false);
        return Path.GetFullPath(result.StandardOutput.TrimEnd('\n'));
    }

    /// <summary>The names of the configured remotes.</summary>
    public async Task<IReadOnlyList<string>> ListRemotesAsync(CancellationToken cancellationToken = default)
    {
        var result = await RunAsync("remote", a => a.Add("remote"), cancellationToken).ConfigureAwait(false);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
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

        var output = await RunAsync(
            "check-attr",
            a => a.Add("check-attr").Add("-z").Add("--stdin").Add(attributes),
            cancellationToken,
            string.Concat(paths.Select(p => p + "\0"))).ConfigureAwait(false);

        // -z: "<path> NUL <attribute> NUL <value> NUL" for every path and attribute.
        var fields = SplitNul(output.StandardOutput);
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
    /// Stages exactly the given paths (repository-relative): the written ones are added even where a
    /// <c>.gitignore</c> rule would hide them, the deleted ones are removed from the index (a path git never tracked is
    /// fine). The paths go to git on standard input, so any number of them fits.
    /// </summary>
    public async Task StagePathsAsync(
        IReadOnlyCollection<string> written, IReadOnlyCollection<string> deleted, CancellationToken cancellationToken = default)
    {
        if (written.Count > 0)
        {
            await RunAsync(
                "add -f",
                a => a.Add("add").Add("-f").Add("--pathspec-from-file=-").Add("--pathspec-file-nul"),
                cancellationToken,
                string.Concat(written.Select(p => p + "\0"))).ConfigureAwait(false);
        }

        if (deleted.Count > 0)
        {
            await RunAsync(
                "rm --cached",
                a => a.Add("rm").Add("--cached").Add("--quiet").Add("--ignore-unmatch").Add("--pathspec-from-file=-")
                    .Add("--pathspec-file-nul"),
                cancellationToken,
                string.Concat(deleted.Select(p => p + "\0"))).ConfigureAwait(false);
        }
    }
}
