using LakehouseManager.Naming;

namespace LakehouseManager.Pipeline.Sync;

/// <summary>
/// What a sync will change in the mirror of one branch (design §4): the mirror files to write, delete or move so that
/// git branch <see cref="Branch"/> mirrors catalog branch <see cref="Branch"/> at <see cref="ToHash"/>, and the git-side
/// edits found on the way. <see cref="FromHash"/> and <see cref="WatermarkCommit"/> are null on a bootstrap;
/// <see cref="GitHead"/> is null on a branch with no commit yet.
/// </summary>
/// <param name="Branch">The branch, the same name in git and the catalog.</param>
/// <param name="MirrorPath">The mirror folder, relative to the repository root.</param>
/// <param name="FromHash">The watermark's catalog commit; null on a bootstrap.</param>
/// <param name="ToHash">The catalog commit the mirror will equal.</param>
/// <param name="WatermarkCommit">The mirror commit the delta started from; null on a bootstrap.</param>
/// <param name="GitHead">The git commit the mirror files were read at; null on a branch with no commit yet.</param>
/// <param name="Changes">The files to write, delete or move.</param>
/// <param name="GitEdits">Mirror files changed in git that the catalog did not make, and what is done about them.</param>
/// <param name="Unresolved">Views that exist at <see cref="ToHash"/> but whose SQL could not be read: their files are
/// left as they are, and the next sync examines them again.</param>
/// <param name="Renames">Views the catalog renamed (same content id under a new key), shown as renames.</param>
public sealed record CatalogDelta(
    string Branch,
    string MirrorPath,
    string? FromHash,
    string ToHash,
    string? WatermarkCommit,
    string? GitHead,
    IReadOnlyList<MirrorChange> Changes,
    IReadOnlyList<GitEdit> GitEdits,
    IReadOnlyList<UnresolvedView> Unresolved,
    IReadOnlyList<ViewRename> Renames)
{
    /// <summary>
    /// The <c>*.sql</c> files in the mirror folder (relative paths) that no mirror commit wrote and the catalog does not
    /// have: the mirror does not own them, so the sync never deletes or rewrites them.
    /// </summary>
    public IReadOnlyList<string> Foreign { get; init; } = [];

    /// <summary>The mirror's move from another folder (<c>--move-mirror</c>); null when it stays where it is.</summary>
    public MirrorMove? Move { get; init; }

    /// <summary>
    /// Whether the delta was read from a file in which a secret of the run was masked: its text is not the catalog's,
    /// so CommitMirror computes the delta again instead of writing it.
    /// </summary>
    public bool IsRedacted { get; init; }

    /// <summary>Whether the mirror must change at all.</summary>
    public bool IsEmpty => Changes.Count == 0 && (Move is null || Move.Files.Count == 0);

    /// <summary>Whether this sync lists the whole catalog because no watermark was found.</summary>
    public bool IsBootstrap => FromHash is null;

    public int Count(MirrorChangeKind kind) => Changes.Count(c => c.Kind == kind);
}

/// <summary>
/// A move of the mirror to the delta's folder: the mirror files of the old folder (repository paths), which the sync
/// removes in the same commit that writes the new folder.
/// </summary>
/// <param name="FromPath">The old mirror folder, relative to the repository root.</param>
/// <param name="WatermarkCommit">The mirror commit that recorded the old folder.</param>
/// <param name="Files">The old folder's mirror files to remove, as repository paths.</param>
public sealed record MirrorMove(string FromPath, string WatermarkCommit, IReadOnlyList<string> Files);

/// <summary>A view whose SQL could not be read at the delta's commit, and why.</summary>
public sealed record UnresolvedView(ContentKey Key, string Reason);

/// <summary>A view the catalog renamed: the same content id moved from one key to another.</summary>
public sealed record ViewRename(ContentKey From, ContentKey To, string ContentId);
