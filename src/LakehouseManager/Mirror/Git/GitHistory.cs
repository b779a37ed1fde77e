namespace LakehouseManager.Mirror.Git;

/// <summary>
/// The history of a repository: revisions, local branches, ancestry, the commits between two points, trailers, and the
/// mirror's watermarks (the nearest commit that records which catalog commit it mirrors).
/// </summary>
public sealed class GitHistory
{
    private const char FieldSeparator = '\x1F';

    private readonly GitRepository _repository;

    internal GitHistory(GitRepository repository)
    {
        _repository = repository;
    }

    private GitRunner Git => _repository.Runner;

    /// <summary>
    /// The object name a revision resolves to, or null when it does not exist. Append <c>^{commit}</c> to require
    /// a commit (e.g. <c>HEAD^{commit}</c> is null on an unborn branch).
    /// </summary>
    public async Task<string?> RevParseAsync(string rev, CancellationToken cancellationToken = default)
    {
        GitArguments.RequireName(rev, "revision");
        var operation = $"rev-parse {rev}";
        var result = await Git.TryRunAsync(
            operation,
            a => a.Add("rev-parse").Add("--verify").Add("--quiet").Add("--end-of-options").Add(rev),
            cancellationToken).ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => result.StandardOutput.TrimEnd('\n'),
            1 => null,
            _ => throw Git.Failure(operation, result),
        };
    }

    /// <summary>Whether the local branch <c>refs/heads/&lt;branch&gt;</c> exists.</summary>
    public Task<bool> LocalBranchExistsAsync(string branch, CancellationToken cancellationToken = default) =>
        RefExistsAsync("refs/heads/" + GitArguments.RequireName(branch, "branch"), cancellationToken);

    /// <summary>Creates a local branch at <paramref name="startPoint"/> (not tracking anything); fails when it exists
    /// unless <paramref name="force"/> moves it.</summary>
    public async Task CreateBranchAsync(
        string branch,
        string startPoint,
        bool force = false,
        CancellationToken cancellationToken = default)
    {
        GitArguments.RequireName(branch, "branch");
        GitArguments.RequireName(startPoint, "start point");
        await Git.RunAsync(
            $"branch {branch} {startPoint}",
            a => a.Add("branch").Add("--no-track").Add(force ? ["--force"] : []).Add(branch).Add(startPoint),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether <paramref name="ancestor"/> is reachable from <paramref name="descendant"/> (a commit is its
    /// own ancestor).</summary>
    public async Task<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken cancellationToken = default)
    {
        GitArguments.RequireName(ancestor, "revision");
        GitArguments.RequireName(descendant, "revision");
        var operation = $"merge-base --is-ancestor {ancestor} {descendant}";
        var result = await Git.TryRunAsync(
            operation,
            a => a.Add("merge-base").Add("--is-ancestor").Add(ancestor).Add(descendant),
            cancellationToken).ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => true,
            1 => false,
            _ => throw Git.Failure(operation, result),
        };
    }

    /// <summary>The best common ancestor of two commits, or null when their histories are unrelated.</summary>
    public async Task<string?> MergeBaseAsync(string first, string second, CancellationToken cancellationToken = default)
    {
        GitArguments.RequireName(first, "revision");
        GitArguments.RequireName(second, "revision");
        var operation = $"merge-base {first} {second}";
        var result = await Git.TryRunAsync(operation, a => a.Add("merge-base").Add(first).Add(second), cancellationToken)
            .ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => result.StandardOutput.TrimEnd('\n'),
            1 when result.StandardError.Length == 0 => null,
            _ => throw Git.Failure(operation, result),
        };
    }

    /// <summary>
    /// The commits in <c>since..until</c> (reachable from <paramref name="until"/> but not from
    /// <paramref name="since"/>), newest first, each with whether it carries a <c>Catalog-Commit</c> trailer: a sync
    /// uses it to tell its own commits from anybody else's.
    /// </summary>
    public async Task<IReadOnlyList<(string Commit, bool IsMirrorCommit)>> ListCommitsAsync(
        string since, string until, CancellationToken cancellationToken = default)
    {
        GitArguments.RequireName(since, "revision");
        GitArguments.RequireName(until, "revision");
        var result = await Git.RunAsync(
            $"log {since}..{until}",
            a => a.Add("log").Add("-z").Add("--no-show-signature")
                .Add($"--format=%H%x1F%(trailers:key={GitWatermark.CatalogCommitKey},valueonly,unfold)")
                .Add($"{since}..{until}").Add("--"),
            cancellationToken).ConfigureAwait(false);
        return result.Records()
            .Select(record => record.TrimStart('\n').Split(FieldSeparator))
            .Select(fields => (fields[0], fields.Length > 1 && fields[1].Trim().Length > 0))
            .ToList();
    }

    /// <summary>The values of one trailer of a commit, in order (git's own trailer parser reads them).</summary>
    public async Task<IReadOnlyList<string>> ReadTrailersAsync(
        string commit, string key, CancellationToken cancellationToken = default)
    {
        GitArguments.RequireName(commit, "revision");
        var trailer = new GitTrailer(key, "x");
        var result = await Git.RunAsync(
            $"log -1 {commit}",
            a => a.Add("log").Add("-1").Add("--no-show-signature")
                .Add($"--format=%(trailers:key={trailer.Key},valueonly,unfold,separator=%x00)").Add(commit).Add("--"),
            cancellationToken).ConfigureAwait(false);
        return result.StandardOutput.TrimEnd('\n').Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// The nearest mirror commit reachable from <paramref name="rev"/>: the first commit, in <c>git log</c> order,
    /// whose trailers hold exactly one <c>Catalog-Ref</c> (a valid branch name) and one <c>Catalog-Commit</c> (a hash).
    /// It may come from another branch's history through a merge. Null when there is none, or when
    /// <paramref name="rev"/> is HEAD on a branch with no commit yet. The history is streamed and the walk stops at
    /// the first hit, so the cost does not grow with the length of the history behind it.
    /// </summary>
    public Task<GitWatermark?> FindWatermarkAsync(string rev = "HEAD", CancellationToken cancellationToken = default) =>
        FindAsync(rev, catalogRef: null, cancellationToken);

    /// <summary>
    /// The nearest mirror commit of catalog branch <paramref name="catalogRef"/> on the first-parent line of
    /// <paramref name="rev"/>: the last state of that branch that a sync recorded on that branch's own line of history.
    /// Mirror commits that came in through merges (of <c>main</c>, say) are passed over, so a merge of the target into the
    /// branch does not make the target's watermark look like the branch's.
    /// </summary>
    public Task<GitWatermark?> FindWatermarkAsync(string rev, string catalogRef, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(catalogRef);
        return FindAsync(rev, catalogRef, cancellationToken);
    }

    /// <summary>A one-line-per-commit graph of the history of the given revisions, for people to read.</summary>
    public async Task<string> LogGraphAsync(IEnumerable<string> revisions, int maxCount = 20, CancellationToken cancellationToken = default)
    {
        var revs = revisions.Select(r => GitArguments.RequireName(r, "revision")).ToList();
        var result = await Git.RunAsync(
            "log --graph",
            a => a.Add("log").Add("--graph").Add("--oneline").Add("--decorate").Add("--no-color").Add($"--max-count={maxCount}")
                .Add(revs).Add("--"),
            cancellationToken).ConfigureAwait(false);
        return result.StandardOutput;
    }

    /// <summary>Whether a full ref name (<c>refs/...</c>) exists.</summary>
    internal async Task<bool> RefExistsAsync(string fullRef, CancellationToken cancellationToken)
    {
        var operation = $"show-ref {fullRef}";
        var result = await Git.TryRunAsync(
            operation, a => a.Add("show-ref").Add("--verify").Add("--quiet").Add(fullRef), cancellationToken)
            .ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => true,
            1 => false,
            _ => throw Git.Failure(operation, result),
        };
    }

    /// <summary>The commit HEAD points at; an error when there is none (an unborn branch).</summary>
    internal async Task<string> RequireHeadAsync(CancellationToken cancellationToken) =>
        await RevParseAsync("HEAD^{commit}", cancellationToken).ConfigureAwait(false)
        ?? throw new GitException("rev-parse HEAD", _repository.Directory, "HEAD does not point at a commit.");

    /// <summary>A revision as a commit hash; an error naming it when it is not a commit.</summary>
    internal async Task<string> RequireCommitAsync(string rev, string operation, CancellationToken cancellationToken) =>
        await RevParseAsync(rev + "^{commit}", cancellationToken).ConfigureAwait(false) ?? throw NotACommit(operation, rev);

    private async Task<GitWatermark?> FindAsync(string rev, string? catalogRef, CancellationToken cancellationToken)
    {
        GitArguments.RequireName(rev, "revision");
        var start = await RevParseAsync(rev + "^{commit}", cancellationToken).ConfigureAwait(false);
        if (start is null)
        {
            return rev == "HEAD" ? null : throw NotACommit($"log {rev}", rev);
        }

        var records = Git.StreamAsync(
            $"log {rev}",
            a => a.Add("log").Add("-z").Add("--no-show-signature").Add(catalogRef is null ? [] : ["--first-parent"])
                .Add(GitWatermark.LogFormat).Add(start).Add("--"),
            '\0',
            cancellationToken);
        await foreach (var record in records.ConfigureAwait(false))
        {
            if (GitWatermark.Parse(record) is { } watermark && (catalogRef is null || watermark.CatalogRef == catalogRef))
            {
                return watermark;
            }
        }

        return null;
    }

    private GitException NotACommit(string operation, string rev) =>
        new(operation, _repository.Directory, $"'{rev}' is not a commit in this repository.");
}
