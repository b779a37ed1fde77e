using LakehouseManager.Mirror;
using LakehouseManager.Naming;

namespace LakehouseManager.Pipeline.Sync;

/// <summary>
/// What the planner needs to know, gathered by the sync: the catalog's side (the head, the keys it changed since the
/// watermark and their SQL there) and the mirror's side (the files, the content of the files it must compare, and the
/// files changed in git since the watermark). Paths are relative to the mirror folder.
/// </summary>
/// <param name="Branch">The branch, the same name in git and the catalog.</param>
/// <param name="MirrorPath">The mirror folder, relative to the repository root.</param>
/// <param name="ToHash">The catalog branch's head.</param>
/// <param name="Watermark">The nearest mirror commit; null for a bootstrap.</param>
/// <param name="GitHead">The git commit the mirror files were read at; null on a branch with no commit yet.</param>
/// <param name="Examined">The keys to re-examine: changed in the catalog or in git (bootstrap: every key on either side).</param>
/// <param name="CatalogChanged">The keys the catalog changed since the watermark (bootstrap: empty).</param>
/// <param name="CatalogViews">The SQL at <paramref name="ToHash"/> of the examined keys that exist there.</param>
/// <param name="Files">The mirror files as scanned.</param>
/// <param name="Problems">The <c>.sql</c> files that map to no key, and links.</param>
/// <param name="FileContents">The SQL text of the files of examined keys (path to text).</param>
/// <param name="GitEditedKeys">The keys whose files were changed in git since the watermark, with the path.</param>
/// <param name="Policy">What to do with a git edit.</param>
/// <param name="Unresolved">Views that exist at <paramref name="ToHash"/> whose SQL could not be read; they are not
/// among <paramref name="Examined"/>, so their files stay as they are.</param>
/// <param name="Renames">Views the catalog renamed since the watermark.</param>
internal sealed record SyncPlanInput(
    string Branch,
    string MirrorPath,
    string ToHash,
    Mirror.Git.GitWatermark? Watermark,
    string? GitHead,
    IReadOnlySet<ContentKey> Examined,
    IReadOnlySet<ContentKey> CatalogChanged,
    IReadOnlyDictionary<ContentKey, string> CatalogViews,
    IReadOnlyList<MirrorEntry> Files,
    IReadOnlyList<MirrorProblem> Problems,
    IReadOnlyDictionary<string, string> FileContents,
    IReadOnlyDictionary<ContentKey, string> GitEditedKeys,
    OnGitEdit Policy,
    IReadOnlyList<UnresolvedView> Unresolved,
    IReadOnlyList<ViewRename> Renames)
{
    /// <summary>The <c>*.sql</c> files the mirror does not own (not among <see cref="Files"/>): left as they are.</summary>
    public IReadOnlyList<string> Foreign { get; init; } = [];

    /// <summary>The mirror's move from another folder, when <c>--move-mirror</c> moves it.</summary>
    public MirrorMove? Move { get; init; }
}
