using LakehouseManager.Naming;

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

    private const char FieldSeparator = '\x1F';
    private const char ValueSeparator = '\x1E';

    /// <summary>
    /// The <c>git log</c> format that <see cref="Parse"/> reads: the commit, then each trailer's values. git's own
    /// trailer parser reads the trailers: only the last paragraph of a message counts, and only when it is made of
    /// trailers, so a body that merely mentions "Catalog-Commit:" is not a watermark.
    /// </summary>
    internal static string LogFormat { get; } =
        "--format=%H%x1F" +
        $"%(trailers:key={CatalogRefKey},valueonly,unfold,separator=%x1E)%x1F" +
        $"%(trailers:key={CatalogCommitKey},valueonly,unfold,separator=%x1E)";

    /// <summary>The two trailers a mirror commit carries, for <see cref="GitCommitMessage.Compose"/>.</summary>
    public static IReadOnlyList<GitTrailer> Trailers(string catalogRef, string catalogHash) =>
        [new GitTrailer(CatalogRefKey, catalogRef), new GitTrailer(CatalogCommitKey, catalogHash)];

    /// <summary>
    /// One record of <see cref="LogFormat"/> as a watermark, or null when the commit does not hold exactly one
    /// <c>Catalog-Ref</c> (a valid branch name) and one <c>Catalog-Commit</c> (a hash).
    /// </summary>
    internal static GitWatermark? Parse(string record)
    {
        var fields = record.TrimStart('\n').Split(FieldSeparator);
        if (fields.Length != 3)
        {
            return null;
        }

        var (commit, catalogRef, catalogHash) = (fields[0], fields[1], fields[2]);

        // Several values for one key (hand-written or merged messages) are ambiguous: not a watermark.
        if (catalogRef.Contains(ValueSeparator, StringComparison.Ordinal) ||
            catalogHash.Contains(ValueSeparator, StringComparison.Ordinal))
        {
            return null;
        }

        return RefName.Validate(catalogRef) is null && RefName.IsHash(catalogHash)
            ? new GitWatermark(commit, catalogRef, catalogHash)
            : null;
    }
}
