namespace LakehouseManager.Pipeline.Sync;

/// <summary>
/// What a sync will change in the mirror of one branch (design §4): the mirror files to write, delete or move so that
/// git branch <see cref="Branch"/> mirrors catalog branch <see cref="Branch"/> at <see cref="ToHash"/>, and the git-side
/// edits found on the way. <see cref="FromHash"/> and <see cref="WatermarkCommit"/> are null on a bootstrap;
/// <see cref="GitHead"/> is null on a branch with no commit yet.
/// </summary>
public sealed record CatalogDelta(
    string Branch,
    string MirrorPath,
    string? FromHash,
    string ToHash,
    string? WatermarkCommit,
    string? GitHead,
    IReadOnlyList<MirrorChange> Changes,
    IReadOnlyList<GitEdit> GitEdits)
{
    /// <summary>Whether the mirror must change at all.</summary>
    public bool IsEmpty => Changes.Count == 0;

    /// <summary>Whether this sync lists the whole catalog because no watermark was found.</summary>
    public bool IsBootstrap => FromHash is null;

    public int Count(MirrorChangeKind kind) => Changes.Count(c => c.Kind == kind);
}
