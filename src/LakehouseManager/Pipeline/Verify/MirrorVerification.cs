namespace LakehouseManager.Pipeline.Verify;

/// <summary>The outcome of VerifyMirror: what was compared with what, and what the comparison found.</summary>
/// <param name="Branch">The catalog branch (and git branch, same name).</param>
/// <param name="CatalogHash">The catalog branch's head that was compared.</param>
/// <param name="GitRevision">The git ref that was read: <c>origin/main</c> after a fetch, or the local <c>main</c>.</param>
/// <param name="GitCommit">The commit that ref was at.</param>
/// <param name="MirrorPath">The mirror folder in the repository (empty for the root).</param>
/// <param name="Comparison">Counts and drift.</param>
public sealed record MirrorVerification(
    string Branch,
    string CatalogHash,
    string GitRevision,
    string GitCommit,
    string MirrorPath,
    MirrorComparisonResult Comparison)
{
    /// <summary>Whether the mirror is exactly the catalog branch; when false the target fails.</summary>
    public bool Agrees => Comparison.Agrees;

    /// <summary>A mirror-relative path as a path from the repository root, as git and the user see it.</summary>
    public string RepositoryPath(string relativePath) =>
        MirrorPath.Length == 0 ? relativePath : MirrorPath + "/" + relativePath;
}
