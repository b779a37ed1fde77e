namespace LakehouseManager.Mirror.Git;

/// <summary>
/// How a merge ended: merged (<see cref="CommitHash"/> is the new commit, or null when there was nothing to merge), or
/// a conflict, in which case the merge was aborted and the branch left unchanged.
/// </summary>
public sealed record GitMergeResult(string? CommitHash, IReadOnlyList<string> ConflictingPaths)
{
    public bool IsSuccess => ConflictingPaths.Count == 0;

    public static GitMergeResult Merged(string? commitHash) => new(commitHash, []);

    public static GitMergeResult Conflict(IReadOnlyList<string> paths) => new(null, paths);
}
