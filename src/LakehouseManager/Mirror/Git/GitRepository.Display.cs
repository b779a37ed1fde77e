namespace LakehouseManager.Mirror.Git;

/// <summary>Output meant for people (the demo shows a reviewer's view of a pull request): never parsed.</summary>
public sealed partial class GitRepository
{
    /// <summary>
    /// The unified diff between two revisions under a folder, as a reviewer reads a pull request:
    /// <c>DiffTextAsync("main...dev")</c> compares <c>dev</c> with the point where it left <c>main</c>.
    /// </summary>
    public async Task<string> DiffTextAsync(string range, string? folder = null, CancellationToken cancellationToken = default)
    {
        RequireName(range, "revision range");
        var result = await RunAsync(
            $"diff {range}",
            a => a.Add("diff").Add("--no-color").Add("--no-renames").Add("--no-ext-diff").Add(range).Add("--").Add(Pathspec(folder)),
            cancellationToken).ConfigureAwait(false);
        return result.StandardOutput;
    }

    /// <summary>A one-line-per-commit graph of the history of the given revisions.</summary>
    public async Task<string> LogGraphAsync(IEnumerable<string> revisions, int maxCount = 20, CancellationToken cancellationToken = default)
    {
        var revs = revisions.Select(r => RequireName(r, "revision")).ToList();
        var result = await RunAsync(
            "log --graph",
            a => a.Add("log").Add("--graph").Add("--oneline").Add("--decorate").Add("--no-color").Add($"--max-count={maxCount}")
                .Add(revs).Add("--"),
            cancellationToken).ConfigureAwait(false);
        return result.StandardOutput;
    }
}
