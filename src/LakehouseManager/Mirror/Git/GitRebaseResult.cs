namespace LakehouseManager.Mirror.Git;

/// <summary>
/// How a rebase ended: rebased (with the new head), or stopped by a conflict, in which case the rebase was aborted and
/// the branch is back where it was; <see cref="ConflictingPaths"/> lists the files in conflict.
/// </summary>
public sealed record GitRebaseResult(string? Head, IReadOnlyList<string> ConflictingPaths)
{
    public bool IsSuccess => ConflictingPaths.Count == 0;

    public static GitRebaseResult Rebased(string head) => new(head, []);

    public static GitRebaseResult Conflict(IReadOnlyList<string> paths) => new(null, paths);
}
