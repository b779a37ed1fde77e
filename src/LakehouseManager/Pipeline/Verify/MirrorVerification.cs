using LakehouseManager.Pipeline.Sync;

namespace LakehouseManager.Pipeline.Verify;

/// <summary>The outcome of VerifyMirror: what was compared with what, and what the comparison found.</summary>
/// <param name="Branch">The catalog branch (and git branch, same name).</param>
/// <param name="CatalogHash">The catalog branch's head that was compared.</param>
/// <param name="GitRevision">The git ref that was read: <c>origin/main</c> after a fetch, or the local <c>main</c>.</param>
/// <param name="GitCommit">The commit that ref was at.</param>
/// <param name="MirrorPath">The mirror folder in the repository (empty for the root).</param>
/// <param name="Comparison">Counts and drift.</param>
/// <param name="Unresolved">Views whose SQL could not be read, so their files could not be compared.</param>
public sealed record MirrorVerification(
    string Branch,
    string CatalogHash,
    string GitRevision,
    string GitCommit,
    string MirrorPath,
    MirrorComparisonResult Comparison,
    IReadOnlyList<UnresolvedView> Unresolved)
{
    /// <summary>
    /// Whether the mirror is proven to be exactly the catalog branch: no drift, and every view could be read. When
    /// false the target fails.
    /// </summary>
    public bool Agrees => Comparison.Agrees && Unresolved.Count == 0;

    /// <summary>
    /// The <c>*.sql</c> files in the mirror folder that no mirror commit wrote (a migration beside a mirror at the
    /// repository root): not the mirror's, so left out of the comparison. Relative to the mirror folder.
    /// </summary>
    public IReadOnlyList<string> Foreign { get; init; } = [];

    /// <summary>A mirror-relative path as a path from the repository root, as git and the user see it.</summary>
    public string RepositoryPath(string relativePath) =>
        MirrorPath.Length == 0 ? relativePath : MirrorPath + "/" + relativePath;
}
