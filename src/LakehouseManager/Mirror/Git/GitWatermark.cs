namespace LakehouseManager.Mirror.Git;

/// <summary>
/// A mirror commit that records which catalog commit it mirrors, read from its trailers
/// <c>Catalog-Ref: &lt;name&gt;</c> and <c>Catalog-Commit: &lt;hash&gt;</c>. At <see cref="GitCommit"/> the mirror
/// files equal the catalog branch <see cref="CatalogRef"/> at <see cref="CatalogHash"/>.
/// </summary>
public sealed record GitWatermark(string GitCommit, string CatalogRef, string CatalogHash)
{
    public const string CatalogRefKey = "Catalog-Ref";

    public const string CatalogCommitKey = "Catalog-Commit";

    /// <summary>The two trailers a mirror commit carries, for <see cref="GitCommitMessage.Compose"/>.</summary>
    public static IReadOnlyList<GitTrailer> Trailers(string catalogRef, string catalogHash) =>
        [new GitTrailer(CatalogRefKey, catalogRef), new GitTrailer(CatalogCommitKey, catalogHash)];
}
