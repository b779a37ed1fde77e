using LakehouseManager.Mirror;
using LakehouseManager.Mirror.Git;

namespace LakehouseManager.Pipeline.Sync;

/// <summary>
/// A view's bytes must reach git unchanged. The sync turns off <c>core.autocrlf</c>, but a repository's own
/// <c>.gitattributes</c> still applies: a filter, a working-tree encoding, or end-of-line normalisation of SQL that
/// holds CRLF would change what is committed. The sync checks the attributes of the files it is about to write and stops
/// before writing anything, saying which file and which attribute, rather than commit a view that is not the catalog's.
/// </summary>
internal static class MirrorAttributes
{
    private static readonly string[] s_attributes = ["text", "eol", "filter", "working-tree-encoding"];

    public static async Task EnsureBytesKeptAsync(
        GitRepository repository, MirrorFolder mirror, CatalogDelta delta, CancellationToken cancellationToken)
    {
        var written = delta.Changes.Where(c => c.Kind != MirrorChangeKind.Removed)
            .ToDictionary(c => mirror.ToRepositoryPath(c.Path), c => c.Sql, StringComparer.Ordinal);
        var attributes = await repository.WorkTree.CheckAttributesAsync(written.Keys, s_attributes, cancellationToken).ConfigureAwait(false);
        var problems = attributes
            .Select(a => (Path: a.Key, Reason: Reason(a.Value, written[a.Key])))
            .Where(p => p.Reason is not null)
            .OrderBy(p => p.Path, StringComparer.Ordinal)
            .ToList();
        if (problems.Count == 0)
        {
            return;
        }

        var folder = mirror.MirrorPath.Length == 0 ? "**" : mirror.MirrorPath + "/**";
        throw new LakehouseException(
            $"The repository's git attributes would change the bytes of {problems.Count} mirror file(s), so nothing was " +
            $"written: {string.Join("; ", problems.Take(5).Select(p => $"{p.Path} ({p.Reason})"))}. A mirror file must hold " +
            $"the view's SQL exactly: add the line '{folder} -text -filter -working-tree-encoding' to .gitattributes " +
            "(or remove the rule that applies), then run again.");
    }

    /// <summary>Why git would change the file, or null when it would store the bytes as written.</summary>
    private static string? Reason(IReadOnlyDictionary<string, string> values, string? sql)
    {
        if (IsSpecified(values, "filter"))
        {
            return $"filter={values["filter"]}";
        }

        if (IsSpecified(values, "working-tree-encoding"))
        {
            return $"working-tree-encoding={values["working-tree-encoding"]}";
        }

        // End-of-line normalisation only touches CRLF; a moved file (sql null) keeps the bytes git already has.
        var normalised = values.GetValueOrDefault("text") is "set" or "auto" || IsSpecified(values, "eol");
        return normalised && sql is not null && sql.Contains('\r', StringComparison.Ordinal)
            ? "the SQL has CRLF line endings and the file is marked text/eol, so git would store LF"
            : null;
    }

    private static bool IsSpecified(IReadOnlyDictionary<string, string> values, string attribute) =>
        values.GetValueOrDefault(attribute) is { } value && value is not ("unspecified" or "unset");
}
