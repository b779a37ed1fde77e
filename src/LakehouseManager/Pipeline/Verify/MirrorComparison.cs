using LakehouseManager.Catalog;
using LakehouseManager.Mirror;
using LakehouseManager.Naming;

namespace LakehouseManager.Pipeline.Verify;

/// <summary>
/// Compares every view of a catalog commit with the files of its mirror (design §4's invariant: exactly one file per
/// view, at the layout's path, holding the view's SQL text plus one newline, and nothing else). Pure: the caller reads
/// the catalog and the files. Linear in views plus files.
/// </summary>
internal static class MirrorComparison
{
    /// <param name="views">The catalog's views at one commit.</param>
    /// <param name="files">
    /// The mirror's files by path relative to the mirror folder, with their bytes (null: git has no readable file there,
    /// e.g. a submodule). Paths that <see cref="MirrorLayout.IsMirrorFile"/> rejects are ignored.
    /// </param>
    public static MirrorComparisonResult Compare(
        IEnumerable<CatalogView> views, IReadOnlyDictionary<string, byte[]?> files)
    {
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(files);
        var catalog = new Dictionary<ContentKey, string>();
        foreach (var view in views)
        {
            catalog[view.Key] = view.Sql;
        }

        var expected = MirrorLayout.Assign(catalog.Keys);
        var drift = new List<MirrorDrift>();
        var elsewhere = new Dictionary<ContentKey, List<string>>();
        var fileCount = 0;
        var matching = 0;
        foreach (var (path, bytes) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!MirrorLayout.IsMirrorFile(path))
            {
                continue;
            }

            fileCount++;
            if (!MirrorLayout.TryDecode(path, out var key, out var error))
            {
                drift.Add(new MirrorDrift(MirrorDriftKind.Extra, null, path, null, error!));
            }
            else if (!catalog.TryGetValue(key!, out var sql))
            {
                drift.Add(new MirrorDrift(MirrorDriftKind.Extra, key, path, null, $"there is no view {key} in the catalog"));
            }
            else if (expected[key!] != path)
            {
                (elsewhere.TryGetValue(key!, out var list) ? list : elsewhere[key!] = []).Add(path);
            }
            else if (CompareContent(key!, path, sql, bytes) is { } different)
            {
                drift.Add(different);
            }
            else
            {
                matching++;
            }
        }

        foreach (var (key, path) in expected)
        {
            var found = files.ContainsKey(path);
            var others = elsewhere.GetValueOrDefault(key) ?? [];
            if (found)
            {
                drift.AddRange(others.Select(other => SecondFile(key, other, path)));
                continue;
            }

            if (others.Count == 0)
            {
                drift.Add(new MirrorDrift(MirrorDriftKind.Missing, key, null, path, $"no file for view {key}"));
                continue;
            }

            var content = CompareContent(key, others[0], catalog[key], files[others[0]]);
            drift.Add(new MirrorDrift(
                MirrorDriftKind.Misplaced,
                key,
                others[0],
                path,
                "the view's file has another name than the layout gives it" +
                (content is null ? string.Empty : $", and its content differs ({content.Detail})"),
                content?.Difference));
            drift.AddRange(others.Skip(1).Select(other => SecondFile(key, other, path)));
        }

        drift.Sort(CompareDrift);
        return new MirrorComparisonResult(catalog.Count, fileCount, matching, drift);
    }

    /// <summary>Paths stay out of the words: reports show them as repository paths, from the path fields.</summary>
    private static MirrorDrift SecondFile(ContentKey key, string path, string expectedPath) =>
        new(MirrorDriftKind.Extra, key, path, expectedPath, $"a second file for view {key}");

    /// <summary>Null when the file holds exactly the view's text and the one newline the mirror adds.</summary>
    private static MirrorDrift? CompareContent(ContentKey key, string path, string sql, byte[]? bytes)
    {
        if (bytes is null)
        {
            return new MirrorDrift(MirrorDriftKind.Different, key, path, path, "git holds no readable file there (a submodule?)");
        }

        if (MirrorFile.ToBytes(sql).AsSpan().SequenceEqual(bytes))
        {
            return null;
        }

        string text;
        try
        {
            text = MirrorFile.ToSql(bytes);
        }
        catch (LakehouseException)
        {
            return new MirrorDrift(MirrorDriftKind.Different, key, path, path, "the file is not valid UTF-8 text");
        }

        // The one way the texts agree while the bytes do not: the file lacks the newline the mirror ends it with.
        var difference = TextDifference.Find(sql, text);
        return difference is null
            ? new MirrorDrift(MirrorDriftKind.Different, key, path, path, "the file lacks the final newline the mirror adds")
            : new MirrorDrift(
                MirrorDriftKind.Different, key, path, path,
                $"first difference at line {difference.Line}, column {difference.Column}{InvisibleCause(sql, text)}",
                difference);
    }

    /// <summary>The usual invisible causes, named (an editor or a checkout added them): empty for any other change.</summary>
    private static string InvisibleCause(string sql, string text)
    {
        if (text.StartsWith('\uFEFF') && !sql.StartsWith('\uFEFF'))
        {
            return ": the mirror file starts with a byte-order mark (U+FEFF)";
        }

        // Compared as whole files, with the final line break, since the mirror's own final "\n" may follow a "\r".
        if (text.Contains('\r', StringComparison.Ordinal) != sql.Contains('\r', StringComparison.Ordinal) &&
            string.Equals(
                (text + "\n").Replace("\r\n", "\n", StringComparison.Ordinal),
                (sql + "\n").Replace("\r\n", "\n", StringComparison.Ordinal),
                StringComparison.Ordinal))
        {
            return text.Contains('\r', StringComparison.Ordinal)
                ? ": the mirror file has CRLF line endings where the view's SQL has LF"
                : ": the mirror file has LF line endings where the view's SQL has CRLF";
        }

        return string.Empty;
    }

    private static int CompareDrift(MirrorDrift a, MirrorDrift b)
    {
        var kind = a.Kind.CompareTo(b.Kind);
        if (kind != 0)
        {
            return kind;
        }

        var key = (a.Key, b.Key) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => a.Key.CompareTo(b.Key),
        };
        return key != 0 ? key : string.CompareOrdinal(a.Path, b.Path);
    }
}
