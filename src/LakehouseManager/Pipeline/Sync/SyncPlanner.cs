using LakehouseManager.Catalog;
using LakehouseManager.Mirror;

namespace LakehouseManager.Pipeline.Sync;

/// <summary>
/// Decides what a sync changes (design §4), with no I/O: every examined key's file is made equal to the catalog's view
/// at head, except where git changed the file since the watermark, which the <c>--on-git-edit</c> policy decides.
/// Files of keys that were not examined only move, when a case-only collision appears or goes away.
/// </summary>
public static class SyncPlanner
{
    public static CatalogDelta Plan(SyncPlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var filesByKey = input.Files
            .GroupBy(f => f.Key)
            .ToDictionary(g => g.Key, g => g.Select(f => f.RelativePath).Order(StringComparer.Ordinal).ToList());

        // The keys after the sync: the files nobody touched (equal to the catalog since the watermark) and the examined
        // keys the catalog has at head. Paths are assigned over the whole set, because of case-only collisions.
        var keys = filesByKey.Keys.Where(k => !input.Examined.Contains(k)).Concat(input.CatalogViews.Keys).ToHashSet();
        var paths = MirrorLayout.Assign(keys);

        var changes = new List<MirrorChange>();
        var edits = input.Problems
            .Select(p => new GitEdit(p.RelativePath, null, GitEditKind.Unmappable, GitEditResolution.Kept, p.Reason))
            .ToList();
        var refused = new List<GitEdit>();

        foreach (var key in input.Examined.Order())
        {
            var current = filesByKey.GetValueOrDefault(key) ?? [];
            var target = paths.GetValueOrDefault(key);
            var primary = target is not null && current.Contains(target) ? target : current.FirstOrDefault();
            var catalogSql = input.CatalogViews.GetValueOrDefault(key);
            var fileSql = primary is null ? null : input.FileContents.GetValueOrDefault(primary);

            foreach (var duplicate in current.Where(p => p != primary))
            {
                edits.Add(new GitEdit(duplicate, key, GitEditKind.Unmappable, GitEditResolution.Kept,
                    $"a second file for view {key}; the view's file is {primary}"));
            }

            if (catalogSql == fileSql)
            {
                if (catalogSql is not null && primary != target)
                {
                    changes.Add(new MirrorChange(key, MirrorChangeKind.Moved, target!, null, primary));
                }

                continue;
            }

            var change = Change(key, catalogSql, primary, target);
            if (!input.GitEditedKeys.TryGetValue(key, out var editedPath))
            {
                changes.Add(change);
                continue;
            }

            var kind = input.CatalogChanged.Contains(key) ? GitEditKind.ConflictsWithCatalog : GitEditKind.Edited;
            var resolution = input.Policy == OnGitEdit.Revert ? GitEditResolution.Reverted : GitEditResolution.Kept;
            var edit = new GitEdit(editedPath, key, kind, resolution, Describe(kind, resolution, key, fileSql, catalogSql));
            (input.Policy == OnGitEdit.Fail ? refused : edits).Add(edit);
            if (resolution == GitEditResolution.Reverted)
            {
                changes.Add(change);
            }
        }

        if (refused.Count > 0)
        {
            throw new LakehouseException(
                $"The mirror of branch '{input.Branch}' was edited in git where the catalog disagrees " +
                $"(--on-git-edit fail), so nothing was written:\n" +
                string.Join("\n", refused.Select(e => $"  {e.Path}: {e.Detail}")) +
                "\nApply the edits to the catalog, or run again with --on-git-edit keep or revert.");
        }

        // Files nobody touched move only when the assignment changed their name (a collision appeared or went away).
        foreach (var (key, current) in filesByKey)
        {
            if (!input.Examined.Contains(key) && current.Count == 1 && paths[key] != current[0])
            {
                changes.Add(new MirrorChange(key, MirrorChangeKind.Moved, paths[key], null, current[0]));
            }
        }

        return new CatalogDelta(
            input.Branch,
            input.MirrorPath,
            input.Watermark?.CatalogHash,
            input.ToHash,
            input.Watermark?.GitCommit,
            input.GitHead,
            [.. changes.OrderBy(c => c.Key)],
            [.. edits.OrderBy(e => e.Path, StringComparer.Ordinal)]);
    }

    private static MirrorChange Change(ContentKey key, string? catalogSql, string? primary, string? target) =>
        (catalogSql, primary) switch
        {
            (null, _) => new MirrorChange(key, MirrorChangeKind.Removed, primary!, null),
            (_, null) => new MirrorChange(key, MirrorChangeKind.Added, target!, catalogSql),
            _ => new MirrorChange(key, MirrorChangeKind.Changed, target!, catalogSql, primary == target ? null : primary),
        };

    private static string Describe(
        GitEditKind kind, GitEditResolution resolution, ContentKey key, string? fileSql, string? catalogSql)
    {
        var what = (fileSql, catalogSql) switch
        {
            (null, _) => $"the file of view {key} was deleted in git, but the view exists in the catalog",
            (_, null) => $"the file of view {key} was changed in git, but the view is not in the catalog",
            _ => $"the file of view {key} was changed in git and differs from the catalog",
        };
        var conflict = kind == GitEditKind.ConflictsWithCatalog ? "; the catalog changed the view too (a conflict)" : "";
        return resolution == GitEditResolution.Reverted
            ? what + conflict + "; reverted to the catalog's view (--on-git-edit revert)"
            : what + conflict + "; the git version is kept (--on-git-edit revert would overwrite it with the catalog's view)";
    }
}
