namespace LakehouseManager.Mirror.Git;

/// <summary>
/// One line of <c>git status --porcelain=v1</c>: a path (relative to the repository root) and its two status letters
/// (<c>?</c> for untracked files). <see cref="OriginalPath"/> is set for renames and copies only.
/// </summary>
public sealed record GitStatusEntry(string Path, char IndexStatus, char WorkTreeStatus, string? OriginalPath = null)
{
    public bool IsUntracked => IndexStatus == '?';
}
