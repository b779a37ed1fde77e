namespace LakehouseManager.Mirror.Git;

/// <summary>
/// The lock files git creates while it changes a repository (<c>index.lock</c>, <c>HEAD.lock</c>, a ref's
/// <c>refs/heads/dev.lock</c>, <c>packed-refs.lock</c>, ...). git removes them when it ends, even when interrupted, but
/// not when it is killed (<c>kill -9</c>, an out-of-memory kill, a CI timeout): then every later git call that needs
/// the lock fails with "Another git process seems to be running". A lock that no running git holds is stale.
/// </summary>
internal static class GitLockFiles
{
    private static readonly string[] s_topLevel = ["index.lock", "HEAD.lock", "ORIG_HEAD.lock", "FETCH_HEAD.lock", "packed-refs.lock", "config.lock", "shallow.lock"];

    /// <summary>The lock files in a git directory, as full paths.</summary>
    public static IReadOnlyList<string> Find(string gitDirectory)
    {
        var found = s_topLevel.Select(name => Path.Combine(gitDirectory, name)).Where(File.Exists).ToList();
        var refs = Path.Combine(gitDirectory, "refs");
        if (Directory.Exists(refs))
        {
            found.AddRange(Directory.EnumerateFiles(refs, "*.lock", SearchOption.AllDirectories));
        }

        return found;
    }
}
