using LakehouseManager.Naming;

namespace LakehouseManager.Mirror.Git;

public sealed partial class GitRepository
{
    private const char FieldSeparator = '\x1F';
    private const char ValueSeparator = '\x1E';

    // git's own trailer parser reads the trailers: only the last paragraph of a message counts, and only when it is
    // made of trailers, so a body that merely mentions "Catalog-Commit:" is not a watermark.
    private static readonly string s_watermarkFormat =
        "--format=%H%x1F" +
        $"%(trailers:key={GitWatermark.CatalogRefKey},valueonly,unfold,separator=%x1E)%x1F" +
        $"%(trailers:key={GitWatermark.CatalogCommitKey},valueonly,unfold,separator=%x1E)";

    /// <summary>
    /// The nearest mirror commit reachable from <paramref name="rev"/>: the first commit, in <c>git log</c> order,
    /// whose trailers hold exactly one <c>Catalog-Ref</c> (a valid branch name) and one <c>Catalog-Commit</c> (a hash).
    /// It may come from another branch's history through a merge. Null when there is none, or when
    /// <paramref name="rev"/> is HEAD on a branch with no commit yet. The history is streamed and the walk stops at
    /// the first hit, so the cost does not grow with the length of the history behind it.
    /// </summary>
    public Task<GitWatermark?> FindWatermarkAsync(string rev = "HEAD", CancellationToken cancellationToken = default) =>
        FindAsync(rev, catalogRef: null, cancellationToken);

    /// <summary>
    /// The nearest mirror commit of catalog branch <paramref name="catalogRef"/> on the first-parent line of
    /// <paramref name="rev"/>: the last state of that branch that a sync recorded on that branch's own line of history.
    /// Mirror commits that came in through merges (of <c>main</c>, say) are passed over, so a merge of the target into the
    /// branch does not make the target's watermark look like the branch's.
    /// </summary>
    public Task<GitWatermark?> FindWatermarkAsync(string rev, string catalogRef, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(catalogRef);
        return FindAsync(rev, catalogRef, cancellationToken);
    }

    private async Task<GitWatermark?> FindAsync(string rev, string? catalogRef, CancellationToken cancellationToken)
    {
        RequireName(rev, "revision");
        var start = await RevParseAsync(rev + "^{commit}", cancellationToken).ConfigureAwait(false);
        if (start is null)
        {
            return rev == "HEAD"
                ? null
                : throw new GitException($"log {rev}", Directory, $"'{rev}' is not a commit in this repository.");
        }

        var records = StreamAsync(
            $"log {rev}",
            a => a.Add("log").Add("-z").Add("--no-show-signature").Add(catalogRef is null ? [] : ["--first-parent"])
                .Add(s_watermarkFormat).Add(start).Add("--"),
            '\0',
            cancellationToken);
        await foreach (var record in records.ConfigureAwait(false))
        {
            if (ParseWatermark(record) is { } watermark && (catalogRef is null || watermark.CatalogRef == catalogRef))
            {
                return watermark;
            }
        }

        return null;
    }

    private static GitWatermark? ParseWatermark(string record)
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
