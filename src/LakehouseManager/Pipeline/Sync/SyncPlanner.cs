using LakehouseManager.Mirror;
using LakehouseManager.Naming;

namespace LakehouseManager.Pipeline.Sync;

/// <summary>
/// Decides what a sync changes (design §4), with no I/O: every examined key's file is made equal to the catalog's view
/// at head, except where git changed the file since the watermark, which the <c>--on-git-edit</c> policy decides.
/// Files that stay as they are (not examined, or a kept git edit) only move, when a case-only collision appears or
/// goes away.
/// </summary>
internal static class SyncPlanner
{
    public static CatalogDelta Plan(SyncPlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var filesByKey = input.Files
            .GroupBy(f => f.Key)
            .ToDictionary(g => g.Key, g => g.Select(f => f.RelativePath).Order(StringComparer.Ordinal).ToList());

        // First what happens to each examined key, then the paths: they are assigned over the whole set of keys the
        // mirror will hold (files nobody touched, the catalog's views, and kept git edits), because of case-only
        // collisions.
        var decisions = input.Examined.Order().Select(key => Decide(input, key, filesByKey.GetValueOrDefault(key) ?? [])).ToList();
        var refused = decisions.Where(d => d.Edit is { } e && input.Policy == OnGitEdit.Fail).Select(d => d.Edit!).ToList();
        if (refused.Count > 0)
        {
            throw new LakehouseException(
                $"The mirror of branch '{input.Branch}' was edited in git where the catalog disagrees " +
                $"(--on-git-edit fail), so nothing was written:\n" +
                string.Join("\n", refused.Select(e => $"  {e.Path}: {e.Detail}")) +
                "\nApply the edits to the catalog, or run again with --on-git-edit keep or revert.");
        }

        var keys = filesByKey.Keys.Where(k => !input.Examined.Contains(k))
            .Concat(decisions.Where(d => d.Remains).Select(d => d.Key))
            .ToHashSet();
        var paths = MirrorLayout.Assign(keys);

        var changes = new List<MirrorChange>();
        var edits = input.Problems
            .Select(p => new GitEdit(p.RelativePath, null, GitEditKind.Unmappable, GitEditResolution.Kept, p.Reason))
            .ToList();
        foreach (var decision in decisions)
        {
            edits.AddRange(decision.Duplicates);
            if (decision.Edit is { } edit)
            {
                edits.Add(edit);
            }

            var target = paths.GetValueOrDefault(decision.Key);
            if (decision.Write)
            {
                changes.Add(Change(decision.Key, decision.CatalogSql, decision.Primary, target));
            }
            else if (decision.Remains && decision.Primary != target)
            {
                // The file stays what it is (equal to the catalog, or a kept edit) and only changes its name.
                changes.Add(new MirrorChange(decision.Key, MirrorChangeKind.Moved, target!, null, decision.Primary));
            }
        }

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
            [.. edits.OrderBy(e => e.Path, StringComparer.Ordinal)],
            [.. input.Unresolved.OrderBy(u => u.Key)],
            [.. input.Renames.OrderBy(r => r.To)])
        {
            Foreign = [.. input.Foreign.Order(StringComparer.Ordinal)],
            Move = input.Move,
        };
    }

    private static Decision Decide(SyncPlanInput input, ContentKey key, IReadOnlyList<string> current)
    {
        var catalogSql = input.CatalogViews.GetValueOrDefault(key);
        var primary = current.FirstOrDefault(p => MirrorLayout.EncodePlain(key) == p) ?? current.FirstOrDefault();
        var fileSql = primary is null ? null : input.FileContents.GetValueOrDefault(primary);
        var duplicates = current.Where(p => p != primary)
            .Select(p => new GitEdit(p, key, GitEditKind.Unmappable, GitEditResolution.Kept,
                $"a second file for view {key}; the view's file is {primary}"))
            .ToList();

        if (catalogSql == fileSql)
        {
            return new Decision(key, catalogSql, primary, Remains: catalogSql is not null, Write: false, null, duplicates);
        }

        if (!input.GitEditedKeys.TryGetValue(key, out var editedPath))
        {
            return new Decision(key, catalogSql, primary, Remains: catalogSql is not null, Write: true, null, duplicates);
        }

        var kind = input.CatalogChanged.Contains(key) ? GitEditKind.ConflictsWithCatalog : GitEditKind.Edited;
        var revert = input.Policy == OnGitEdit.Revert;
        var resolution = revert ? GitEditResolution.Reverted : GitEditResolution.Kept;
        var edit = new GitEdit(editedPath, key, kind, resolution, Describe(kind, resolution, key, fileSql, catalogSql));
        return revert
            ? new Decision(key, catalogSql, primary, Remains: catalogSql is not null, Write: true, edit, duplicates)
            : new Decision(key, catalogSql, primary, Remains: fileSql is not null, Write: false, edit, duplicates);
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

    /// <summary>What happens to one examined key: whether the mirror keeps a file for it, and whether it is written.</summary>
    private sealed record Decision(
        ContentKey Key,
        string? CatalogSql,
        string? Primary,
        bool Remains,
        bool Write,
        GitEdit? Edit,
        IReadOnlyList<GitEdit> Duplicates);
}
